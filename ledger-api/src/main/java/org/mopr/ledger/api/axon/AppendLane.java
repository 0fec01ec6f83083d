package org.mopr.ledger.api.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One bulk writer's event appends, stored behind it: its units of work hand their events here at commit and go on
 * to the next commands while a copier thread loads them with one COPY per unit of work and a committer thread commits
 * them, each unit of work in its own transaction, in the order they were handed over.
 *
 * <p>Why: nearly every event of a member-level run belongs to one aggregate, so routing by aggregate gives one writer
 * all the work, and that writer alternated between its command handlers (PostgreSQL idle in transaction), the COPY
 * and the commit's WAL flush (its Java idle). Here the handlers of unit n+1, the COPY of unit n and the commit of
 * unit n-1 overlap (ledger-api/BENCHMARK.md, "Sixth round").
 *
 * <p>What keeps the store right: a unit's COPY starts only after the previous unit's COPY has ended, so global
 * indexes follow the writer's order as before; a unit commits only after the previous one has committed, so the
 * store never holds an aggregate's later events without its earlier ones; after a unit fails the units before it
 * still commit and none after it does, the next {@link #append} throws (the writer's unit of work rolls
 * back and its batcher evicts the cached aggregates) and {@link #finish} throws and evicts them too. What it gives up:
 * a unit of work of a lane has "committed" for Axon before its events are stored, so only a writer that owns its
 * aggregates (a bulk ingest routing by aggregate) and reports success only after {@link #finish} may use one.
 */
public final class AppendLane implements AutoCloseable {

    private static final ThreadLocal<AppendLane> CURRENT = new ThreadLocal<>();
    /** Units handed over and not yet copied: bounds the memory and how far the aggregates run ahead of the store. */
    static final int PENDING = 2;
    /** One connection copying while the other commits. */
    private static final int CONNECTIONS = 2;
    private static final List<EventMessage<?>> END = List.of();
    private static final Copied END_COPIED = new Copied(null, 0);
    private static final Copied FAILED_COPY = new Copied(null, -1);

    private record Copied(Connection connection, int events) {
    }

    private final Serializer serializer;
    private final StoreCommits commits;
    private final Runnable onFailure;
    private final String sql;
    private final Thread owner;
    private final BlockingQueue<List<? extends EventMessage<?>>> pending = new ArrayBlockingQueue<>(PENDING);
    private final BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(CONNECTIONS);
    /** Each connection's copied unit, a failed copy's marker and the end. */
    private final BlockingQueue<Copied> copied = new ArrayBlockingQueue<>(CONNECTIONS + 2);
    private final List<Connection> connections = new ArrayList<>(CONNECTIONS);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean abandoned;
    private final Thread copier;
    private final Thread committer;
    private long committedEvents;
    private boolean finished;

    AppendLane(DataSource dataSource, Serializer serializer, StoreCommits commits, Runnable onFailure) throws SQLException {
        this.serializer = serializer;
        this.commits = commits;
        this.onFailure = onFailure;
        EventSchema schema = new EventSchema();
        this.sql = "COPY " + schema.domainEventTable() + " (" + schema.domainEventFields() + ") FROM STDIN (FORMAT binary)";
        this.owner = Thread.currentThread();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                Connection c = dataSource.getConnection();
                connections.add(c);
                c.setAutoCommit(false);
                idle.add(c);
            }
        } catch (SQLException | RuntimeException e) {
            closeConnections();
            throw e;
        }
        String name = owner.getName();
        copier = new Thread(this::copyAll, name + "-copy");
        committer = new Thread(this::commitAll, name + "-commit");
        copier.start();
        committer.start();
        CURRENT.set(this);
    }

    /** The lane of the calling writer thread, or null: its units of work append synchronously, as usual. */
    static AppendLane current() {
        return CURRENT.get();
    }

    /** Called in the writer's unit of work at prepare-commit, in place of the storage engine's append. */
    void append(List<? extends EventMessage<?>> events) {
        requireHealthy();
        if (finished) {
            throw new IllegalStateException("the append lane of " + owner.getName() + " is finished");
        }
        for (EventMessage<?> e : events) {
            if (!(e instanceof DomainEventMessage<?>)) {
                throw new IllegalArgumentException("an append lane stores aggregates' events only, not " + e.getPayloadType());
            }
        }
        if (!events.isEmpty()) {
            put(pending, events);
        }
    }

    /** Waits until every unit handed over is committed; throws the first failure. Returns the events committed. */
    public long finish() {
        if (!finished) {
            finished = true;
            put(pending, END);
            join(copier);
            join(committer);
        }
        Throwable t = failure.get();
        if (t != null) {
            onFailure.run();
            throw new IllegalStateException("storing the events of " + owner.getName() + " failed: " + t.getMessage(), t);
        }
        return committedEvents;
    }

    /** The writer failed: what is not committed yet is rolled back. */
    public void abandon(Throwable cause) {
        failure.compareAndSet(null, cause);
        abandoned = true;
    }

    /** Finishes if not done (rolling back what is queued if the writer failed), then returns the connections. */
    @Override
    public void close() {
        try {
            if (!finished) {
                finished = true;
                put(pending, END);
                join(copier);
                join(committer);
                if (failure.get() != null) {
                    onFailure.run();
                }
            }
        } finally {
            if (CURRENT.get() == this) {
                CURRENT.remove();
            }
            closeConnections();
        }
    }

    private void copyAll() {
        try {
            boolean broken = false;
            while (true) {
                List<? extends EventMessage<?>> events = pending.take();
                if (events == END) {
                    copied.put(END_COPIED);
                    return;
                }
                if (broken || failure.get() != null) {
                    continue; // dropped: nothing after a failure is stored
                }
                Connection c = idle.take();
                try {
                    CopyAppendEvents.copy(c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql), events, serializer);
                    copied.put(new Copied(c, events.size()));
                } catch (SQLException | RuntimeException e) {
                    broken = true;
                    failure.compareAndSet(null, e);
                    rollback(c);
                    idle.put(c);
                    // In order: the units copied before this one still commit.
                    copied.put(FAILED_COPY);
                }
            }
        } catch (InterruptedException e) {
            failure.compareAndSet(null, e);
            Thread.currentThread().interrupt();
        }
    }

    private void commitAll() {
        try {
            boolean broken = false;
            while (true) {
                Copied step = copied.take();
                if (step == END_COPIED) {
                    return;
                }
                if (step == FAILED_COPY) {
                    broken = true;
                    continue;
                }
                Connection c = step.connection();
                if (broken || abandoned) {
                    rollback(c);
                } else {
                    try {
                        c.commit();
                        committedEvents += step.events();
                        commits.committed();
                    } catch (SQLException | RuntimeException e) {
                        broken = true;
                        failure.compareAndSet(null, e);
                        rollback(c);
                    }
                }
                idle.put(c);
            }
        } catch (InterruptedException e) {
            failure.compareAndSet(null, e);
            Thread.currentThread().interrupt();
        }
    }

    private void requireHealthy() {
        Throwable t = failure.get();
        if (t != null) {
            throw new IllegalStateException("an earlier unit of work of " + owner.getName()
                    + " could not be stored: " + t.getMessage(), t);
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The first failure is the one reported; the pool discards a broken connection.
        }
    }

    private void closeConnections() {
        for (Connection c : connections) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // Closing returns it to the pool, which rolls back whatever is open.
            }
        }
        connections.clear();
    }

    private static <T> void put(BlockingQueue<T> queue, T item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing events to the append lane", e);
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the append lane", e);
        }
    }
}
