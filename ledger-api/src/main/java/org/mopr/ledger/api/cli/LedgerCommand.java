package org.mopr.ledger.api.cli;

import org.mopr.ledger.projection.export.ExportException;
import org.mopr.ledger.shared.DomainException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top of the command line; the subcommand names and flags are a contract that users' scripts rely on. */
@Command(name = "mopr-ledger", mixinStandardHelpOptions = true, version = "mopr-ledger 0.1.0",
        description = "Event-sourced membership and aid ledger of International Red Aid (MOPR), 1922-1932.",
        subcommands = {ServeCommand.class, RunCommand.class, CatalogCommand.class, CompareCommand.class,
                ReplayCommand.class, ReconcileCommand.class, BenchCommand.class, ProjectCommand.class,
                ExportCommand.class, ExportBenchCommand.class})
public class LedgerCommand implements Runnable {

    /** Returned by a subcommand that leaves a server running: main must not exit the JVM. */
    public static final int KEEP_RUNNING = -1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new LedgerCommand());
        // Domain errors are the user's to fix: one clear line, no stack trace.
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable cause = rootDomainCause(ex);
            commandLine.getErr().println("error: " + (cause != null ? cause.getMessage() : ex.getMessage()));
            return 2;
        });
        return cli;
    }

    private static Throwable rootDomainCause(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof DomainException || t instanceof IllegalArgumentException || t instanceof ExportException) {
                return t;
            }
        }
        return null;
    }
}
