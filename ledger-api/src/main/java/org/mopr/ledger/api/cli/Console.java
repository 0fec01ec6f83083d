package org.mopr.ledger.api.cli;

import java.nio.file.Path;

/**
 * What the command line shows people: by default only what a command has to say, with Spring's log in
 * {@value #LOG} in the data folder; with {@code --verbose}, the log on the console too and full stack traces.
 */
public final class Console {

    public static final String LOG = "mopr-ledger.log";

    private static volatile boolean verbose;
    private static volatile Path log;

    private Console() {
    }

    public static boolean verbose() {
        return verbose;
    }

    static void verbose(boolean on) {
        verbose = on;
    }

    /** The log file of this process, once a command has chosen its data folder; null before. */
    public static Path log() {
        return log;
    }

    static Path logIn(Path folder) {
        log = folder.resolve(LOG);
        return log;
    }
}
