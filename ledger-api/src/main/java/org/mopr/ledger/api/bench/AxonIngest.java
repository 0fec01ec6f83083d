package org.mopr.ledger.api.bench;

import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.mopr.ledger.shared.RunId;
import org.mopr.ledger.simulation.run.CommandBatcher;
import org.mopr.ledger.simulation.run.RunPlan;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

/**
 * The ledger's ingest: a scenario's commands through the aggregates into the event store, on {@code threads}
 * writers. The calling thread makes the commands (the scenario is generated lazily, as a run does) and routes
 * each to the writer that owns its aggregate, so an aggregate's commands keep their order and no two writers
 * ever contend for one aggregate. Writers send a transaction's worth of commands at a time through the same
 * {@link CommandBatcher} a run uses, gathering whole commands until they carry {@code eventsPerTransaction}
 * events (a dues command carries one per line). Queues are bounded: memory stays a few transactions per writer.
 */
final class AxonIngest {

    private static final List<Object> END = List.of();
    private static final CommandTargetResolver TARGETS = AnnotationCommandTargetResolver.builder().build();

    private final CommandBatcher batcher;
    private final int threads;
    private final int eventsPerTransaction;

    AxonIngest(CommandBatcher batcher, int threads, int eventsPerTransaction) {
        this.batcher = batcher;
        this.threads = threads;
        this.eventsPerTransaction = eventsPerTransaction;
    }

    /** Sends every command of the plan; returns the number of commands. Any writer's failure stops all. */
    long run(RunPlan plan, RunId runId) {
        List<BlockingQueue<List<Object>>> queues = new ArrayList<>();
        List<Thread> writers = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int i = 0; i < threads; i++) {
            BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(2);
            queues.add(queue);
            Thread writer = new Thread(() -> write(queue, failure), "bench-ingest-" + i);
            writers.add(writer);
            writer.start();
        }
        long commands = 0;
        try {
            List<List<Object>> pending = new ArrayList<>();
            int[] pendingEvents = new int[threads];
            for (int i = 0; i < threads; i++) {
                pending.add(new ArrayList<>());
            }
            Iterator<Object> it = plan.commands().apply(runId);
            while (it.hasNext() && failure.get() == null) {
                Object command = it.next();
                int writer = writerOf(command);
                List<Object> batch = pending.get(writer);
                batch.add(command);
                commands++;
                pendingEvents[writer] += CommandBatcher.eventsOf(command);
                if (pendingEvents[writer] >= eventsPerTransaction
                        || batch.size() == CommandBatcher.MAX_COMMANDS_PER_TRANSACTION) {
                    hand(queues.get(writer), batch, failure);
                    pending.set(writer, new ArrayList<>());
                    pendingEvents[writer] = 0;
                }
            }
            for (int i = 0; i < threads; i++) {
                if (!pending.get(i).isEmpty()) {
                    hand(queues.get(i), pending.get(i), failure);
                }
            }
        } finally {
            for (BlockingQueue<List<Object>> queue : queues) {
                hand(queue, END, null);
            }
            for (Thread writer : writers) {
                join(writer);
            }
        }
        Throwable t = failure.get();
        if (t != null) {
            throw t instanceof RuntimeException r ? r : new IllegalStateException(t);
        }
        return commands;
    }

    private int writerOf(Object command) {
        if (threads == 1) {
            return 0;
        }
        // Commands without a target (none in the shipped scenarios) all go to the first writer, in order.
        String target;
        try {
            target = TARGETS.resolveTarget(asCommandMessage(command)).getIdentifier();
        } catch (IllegalArgumentException e) {
            return 0;
        }
        return Math.floorMod(target.hashCode(), threads);
    }

    private void write(BlockingQueue<List<Object>> queue, AtomicReference<Throwable> failure) {
        try {
            while (true) {
                List<Object> batch = queue.take();
                if (batch == END) {
                    return;
                }
                if (failure.get() == null) {
                    batcher.sendAll(batch);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
            drain(queue);
        }
    }

    /** A failed writer keeps taking (and dropping) batches, so the router never blocks on its full queue. */
    private static void drain(BlockingQueue<List<Object>> queue) {
        try {
            while (queue.take() != END) {
                // dropped: the run has failed already
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void hand(BlockingQueue<List<Object>> queue, List<Object> batch, AtomicReference<Throwable> failure) {
        try {
            while (!queue.offer(batch, 1, TimeUnit.SECONDS)) {
                if (failure != null && failure.get() != null) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing commands to the writers", e);
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the writers", e);
        }
    }
}
