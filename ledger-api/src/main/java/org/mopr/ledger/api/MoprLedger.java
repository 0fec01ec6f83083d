package org.mopr.ledger.api;

import org.mopr.ledger.api.cli.LedgerCommand;
import picocli.CommandLine;

/** Entry point of {@code mopr-ledger.jar}: every use goes through a subcommand. */
public final class MoprLedger {

    private MoprLedger() {
    }

    public static void main(String[] args) {
        // Axon 4.13 reads this from system properties only; the machines here have no network to report to.
        System.setProperty("axoniq.update-checker.disabled", "true");
        int exit = LedgerCommand.commandLine().execute(args);
        // serve keeps running in its web server's threads; every other subcommand ends here.
        if (exit != LedgerCommand.KEEP_RUNNING) {
            System.exit(exit);
        }
    }
}
