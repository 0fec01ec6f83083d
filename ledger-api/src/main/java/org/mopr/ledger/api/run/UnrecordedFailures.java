package org.mopr.ledger.api.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Runs that failed while the store was away, so that their FAILED status and its reason could not be written then.
 * They are written as soon as the store answers again, instead of the run showing RUNNING until another run of
 * the same scenario and seed finds it and blames a stopped process. Kept in memory: if this process stops first,
 * that next run still marks the run FAILED.
 */
final class UnrecordedFailures implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UnrecordedFailures.class);
    /** One run at a time goes through the API; this bounds what a long outage can pile up anyway. */
    private static final int MAX_PENDING = 100;

    private final Map<String, String> pending = new LinkedHashMap<>();
    private final BiConsumer<String, String> record;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mopr-run-failures");
        thread.setDaemon(true);
        return thread;
    });

    /** @param record writes a run's FAILED status and reason, failing with a DataAccessException while the store is away */
    UnrecordedFailures(BiConsumer<String, String> record, Duration every) {
        this.record = record;
        retries.scheduleWithFixedDelay(this::retry, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized void add(String runId, String reason) {
        if (pending.size() >= MAX_PENDING && !pending.containsKey(runId)) {
            log.warn("run {} failed ({}) and cannot be marked FAILED while the store is away; {} failures are waiting "
                    + "already, so the next run of its scenario and seed will mark it", runId, reason, MAX_PENDING);
            return;
        }
        pending.put(runId, reason);
        log.warn("run {} failed ({}); the store is away, so it will be marked FAILED once the store answers", runId, reason);
    }

    private void retry() {
        Map<String, String> waiting;
        synchronized (this) {
            waiting = new LinkedHashMap<>(pending);
        }
        for (Map.Entry<String, String> failure : waiting.entrySet()) {
            try {
                record.accept(failure.getKey(), failure.getValue());
            } catch (DataAccessException stillAway) {
                return;
            }
            synchronized (this) {
                pending.remove(failure.getKey());
            }
            log.info("run {} marked FAILED now that the store answers again: {}", failure.getKey(), failure.getValue());
        }
    }

    @Override
    public void close() {
        retries.shutdownNow();
    }
}
