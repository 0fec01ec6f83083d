package org.mopr.ledger.api.bench;

/**
 * What one benchmark run does, checked before anything starts: the machine is shared, so a run is bounded in
 * events (and so in minutes) and in writer threads.
 *
 * @param events                 member dues events of the synthetic scenario (the store also holds the few
 *                               thousand section-level events of the historical record it spreads)
 * @param dbUrl                  a PostgreSQL server to use (a fresh schema is made in its database), or null
 *                               for a throwaway embedded server
 * @param kafka                  a Kafka bootstrap address, or null
 * @param threads                writer threads, the same for the ledger and for plain JDBC
 * @param eventsPerTransaction   events per unit of work and transaction in the ledger (whole commands are
 *                               gathered until they reach it) and rows per transaction of plain JDBC
 * @param axonMetrics            Axon's processor metrics on (the application's default) or off during every phase
 *                               but the live ones, which measure both
 * @param phases                 every phase, or a quicker run for work on one of them ({@code --phases}): only ingest
 *                               and replay, or only ingest; the phases left out print n/a, and Kafka is one of them
 */
public record BenchOptions(long events, String dbUrl, String kafka, int threads, int eventsPerTransaction,
                           boolean axonMetrics, Phases phases) {

    /** Which phases run, by the names {@code --phases} takes. */
    public enum Phases {
        ALL("all"), INGEST_AND_REPLAY("ingest,replay"), INGEST("ingest");

        private final String option;

        Phases(String option) {
            this.option = option;
        }

        public String option() {
            return option;
        }

        public static Phases of(String option) {
            for (Phases p : values()) {
                if (p.option.equals(option)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("--phases must be all, ingest,replay or ingest, got '" + option + "'");
        }
    }

    /** 20 million events is about ten minutes of the whole benchmark on the 2-core reference machine. */
    public static final long MAX_EVENTS = 20_000_000L;
    public static final long MIN_EVENTS = 1_000L;
    public static final int MAX_THREADS = 8;
    /** A transaction's events are held in memory until it commits, in the ledger and in plain JDBC alike. */
    public static final int MAX_EVENTS_PER_TRANSACTION = 100_000;

    /** With Axon's processor metrics on, as the application runs. */
    public BenchOptions(long events, String dbUrl, String kafka, int threads, int eventsPerTransaction) {
        this(events, dbUrl, kafka, threads, eventsPerTransaction, true, Phases.ALL);
    }

    /** Every phase. */
    public BenchOptions(long events, String dbUrl, String kafka, int threads, int eventsPerTransaction,
                        boolean axonMetrics) {
        this(events, dbUrl, kafka, threads, eventsPerTransaction, axonMetrics, Phases.ALL);
    }

    public BenchOptions {
        if (phases == null) {
            throw new IllegalArgumentException("--phases must be given");
        }
        if (events < MIN_EVENTS || events > MAX_EVENTS) {
            throw new IllegalArgumentException("--events must be between " + MIN_EVENTS + " and " + MAX_EVENTS
                    + " (a larger store is a matter of time, not of a different result), got " + events);
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("--threads must be between 1 and " + MAX_THREADS + ", got " + threads);
        }
        if (eventsPerTransaction < 1 || eventsPerTransaction > MAX_EVENTS_PER_TRANSACTION) {
            throw new IllegalArgumentException("--events-per-transaction must be between 1 and "
                    + MAX_EVENTS_PER_TRANSACTION + ", got " + eventsPerTransaction);
        }
        if (phases != Phases.ALL && kafka != null) {
            throw new IllegalArgumentException("--kafka measures a phase of its own: leave out --phases "
                    + phases.option() + " to use it");
        }
        if (dbUrl != null && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--db must be a jdbc:postgresql: URL, got '" + dbUrl + "'");
        }
        if (dbUrl != null && dbUrl.toLowerCase(java.util.Locale.ROOT).contains("currentschema=")) {
            throw new IllegalArgumentException("--db must not choose a schema: the benchmark makes a fresh one of its own");
        }
    }

    /** Stops after the ingest phase. */
    public boolean ingestOnly() {
        return phases == Phases.INGEST;
    }

    /** Stops after the replay phase (or before it, with {@link #ingestOnly()}). */
    public boolean ingestAndReplayOnly() {
        return phases != Phases.ALL;
    }
}
