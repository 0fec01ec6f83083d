package org.mopr.ledger.api.cli;

import org.mopr.ledger.projection.export.ExportException;
import org.mopr.ledger.shared.DomainException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** The top of the command line; the subcommand names and flags are a contract that users' scripts rely on. */
@Command(name = "mopr-ledger", mixinStandardHelpOptions = true, version = "mopr-ledger 0.1.0",
        description = "Event-sourced membership and aid ledger of International Red Aid (MOPR), 1922-1932.",
        subcommands = {ServeCommand.class, RunCommand.class, CatalogCommand.class, CompareCommand.class,
                ReplayCommand.class, ReconcileCommand.class, BenchCommand.class, ProjectCommand.class,
                ExportCommand.class, ExportBenchCommand.class, EnsembleCommand.class,
                EnsembleBenchCommand.class})
public class LedgerCommand implements Runnable {

    /** Returned by a subcommand that leaves a server running: main must not exit the JVM. */
    public static final int KEEP_RUNNING = -1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Show Spring's log on the console (it always goes to mopr-ledger.log in the data folder) "
                    + "and full stack traces.")
    void verbose(boolean on) {
        Console.verbose(on);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new LedgerCommand());
        // A user's error is theirs to fix: one line, exit 2. Anything else is a bug: say so, with what a report needs.
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (Console.verbose()) {
                ex.printStackTrace(err);
            }
            Throwable cause = rootDomainCause(ex);
            Optional<String> startup = cause == null ? StartupProblems.explain(ex) : Optional.empty();
            if (cause != null || startup.isPresent()) {
                err.println("error: " + (cause != null ? cause.getMessage() : startup.get()));
                err.flush();
                return 2;
            }
            Path log = traceToLog(ex);
            err.println("internal error: " + ex.getClass().getName() + ": " + ex.getMessage()
                    + (log == null ? "" : " (stack trace in " + log + "; --verbose prints it here)"));
            err.flush();
            return 1;
        });
        return cli;
    }

    /** Appends the trace to this process's log file, so a bug can be reported; null when there is no log. */
    private static Path traceToLog(Throwable ex) {
        Path log = Console.log();
        if (log == null) {
            return null;
        }
        StringWriter trace = new StringWriter();
        ex.printStackTrace(new PrintWriter(trace));
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "internal error\n" + trace, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return log;
        } catch (IOException e) {
            return null;
        }
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
