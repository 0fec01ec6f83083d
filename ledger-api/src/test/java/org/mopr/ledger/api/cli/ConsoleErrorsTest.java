package org.mopr.ledger.api.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mopr.ledger.api.LedgerApplication;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.testsupport.TestPostgres;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person sees when something goes wrong: their own mistake (or their machine's) in one line and exit 2, a bug
 * as "internal error" with the exception and where its trace is, exit 1.
 */
class ConsoleErrorsTest {

    @TempDir
    Path folder;

    /** Outcome of one command line: its exit code and what it wrote to stderr. */
    record Outcome(int exit, String err) {
    }

    private static Outcome execute(CommandLine cli, String... args) {
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Outcome(exit, err.toString());
    }

    @Test
    void aSecondServeOnTheSameDataFolderIsRefusedInOneLineNamingTheFolderAndThePid() throws Exception {
        try (ConfigurableApplicationContext first = new SpringApplicationBuilder(LedgerApplication.class)
                .web(WebApplicationType.NONE).run("--mopr.data-dir=" + folder)) {
            assertThat(Files.readString(folder.resolve("mopr-ledger.lock")).trim())
                    .isEqualTo(String.valueOf(ProcessHandle.current().pid()));

            Outcome second = execute(LedgerCommand.commandLine(), "serve", "--port", "0", "--data-dir", folder.toString());

            assertThat(second.exit()).isEqualTo(2);
            assertThat(second.err()).isEqualTo("error: the data folder " + folder.toAbsolutePath().normalize()
                    + " is in use by another mopr-ledger process (pid " + ProcessHandle.current().pid()
                    + "): stop that process, or pass another --data-dir" + System.lineSeparator());
            assertThat(first.isActive()).as("the first process goes on").isTrue();
        }
    }

    @Test
    void anUnexpectedExceptionIsAnInternalErrorWithItsClassItsMessageAndTheLogThatHoldsItsTrace() throws Exception {
        CommandLine cli = LedgerCommand.commandLine();
        cli.addSubcommand("boom", new Boom(folder, new IllegalStateException("the ledger tripped over itself")));

        Outcome outcome = execute(cli, "boom");

        Path log = folder.resolve(Console.LOG);
        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.err()).isEqualTo("internal error: java.lang.IllegalStateException: the ledger tripped over "
                + "itself (stack trace in " + log + "; --verbose prints it here)" + System.lineSeparator());
        assertThat(Files.readString(log)).contains("java.lang.IllegalStateException: the ledger tripped over itself")
                .contains("at org.mopr.ledger.api.cli.ConsoleErrorsTest.");
    }

    @Test
    void aUsersErrorIsOneLineAndExitTwo() {
        CommandLine cli = LedgerCommand.commandLine();
        cli.addSubcommand("boom", new Boom(folder, new DomainException("no such scenario 'nope'")));

        assertThat(execute(cli, "boom")).isEqualTo(new Outcome(2, "error: no such scenario 'nope'" + System.lineSeparator()));
    }

    @Test
    void aDatabaseThatDoesNotExistIsOneLineNamingItAndTheFix() {
        String existing = TestPostgres.freshDatabase("console");
        String missing = existing.replaceFirst("/mopr_console_[a-z0-9_]+\\?", "/api_wiring_no_such_database?");

        Outcome outcome = execute(LedgerCommand.commandLine(), "reconcile", "--data-dir", folder.toString(), "--db", missing);

        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("error: the database at " + missing.replaceFirst("\\?.*", "")
                + " does not exist (").endsWith("): create it (createdb NAME), or pass another --db URL"
                + System.lineSeparator());
        assertThat(outcome.err().lines()).hasSize(1);
    }

    @Test
    void aPortWithNothingListeningIsOneLineNamingTheUrl() {
        Outcome outcome = execute(LedgerCommand.commandLine(), "reconcile", "--data-dir", folder.toString(),
                "--db", "jdbc:postgresql://127.0.0.1:1/mopr?user=postgres");

        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("error: cannot connect to the database at jdbc:postgresql://127.0.0.1:1/mopr (")
                .endsWith("start PostgreSQL there, or pass another --db URL" + System.lineSeparator());
        assertThat(outcome.err().lines()).hasSize(1);
    }

    @CommandLine.Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        private final Path folder;
        private final RuntimeException failure;

        Boom(Path folder, RuntimeException failure) {
            this.folder = folder;
            this.failure = failure;
        }

        @Override
        public Integer call() {
            Console.logIn(folder);
            throw failure;
        }
    }
}
