package org.mopr.ledger.api.ensemble;

import org.axonframework.common.caching.Cache;
import org.mopr.ledger.api.axon.FreshRuns;
import org.mopr.ledger.api.run.JdbcRunRegistry;
import org.mopr.ledger.api.run.JdbcRunStore;
import org.mopr.ledger.shared.RunId;
import org.mopr.ledger.simulation.run.CommandBatcher;
import org.mopr.ledger.simulation.run.CommandTargets;
import org.mopr.ledger.simulation.run.Fingerprint;
import org.mopr.ledger.simulation.run.ScenarioRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One ensemble member through the aggregates into the store on the path a large run takes: whole commands gathered
 * into units of work of many commands, each one database transaction ({@link CommandBatcher}, cut by
 * {@link ScenarioRunner#transactions}), registered as a run of its own, RUNNING first and COMPLETE only after its
 * last transaction and its fingerprint. Safe on several threads at once: members share no aggregate (every id
 * carries the member's run id). The member's run is {@link FreshRuns fresh} while it is sent, so its aggregates'
 * first loads cost no query. Its fingerprint is read back from the store by the member's aggregate ids, and its
 * aggregates leave the cache when it is done: no command of the ensemble touches them again, and 1,000 members'
 * worth would otherwise fill the heap.
 * <p>
 * A member whose commands fit one unit of work (a {@code historical} member: 596 commands) is one database
 * transaction: sent, read back and registered COMPLETE in one commit instead of three, each a WAL flush that the
 * other writer's commits queue behind (ledger-api/BENCHMARK.md, "Ensembles"). Its run is then never seen RUNNING nor
 * half stored; if it fails, nothing of it stays but its FAILED registration.
 */
@Component
class MemberIngest {

    /** A member in the store: its commands, its events as read back, and their fingerprint. */
    record Stored(RunId runId, long commands, long events, String fingerprint) {
    }

    private final CommandBatcher batcher;
    private final JdbcRunRegistry registry;
    private final JdbcRunStore store;
    private final Cache aggregateCache;
    private final FreshRuns fresh;
    private final EnsembleProperties settings;
    private final TransactionTemplate transactions;

    MemberIngest(CommandBatcher batcher, JdbcRunRegistry registry, JdbcRunStore store, Cache aggregateCache,
                 FreshRuns fresh, EnsembleProperties settings, PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.fresh = fresh;
        this.batcher = batcher;
        this.registry = registry;
        this.store = store;
        this.aggregateCache = aggregateCache;
        this.settings = settings;
    }

    /** Registers the member under the ensemble's id as its scenario and sends every command; the id must be new. */
    Stored run(String ensembleId, RunId runId, long seed, String scenarioText, Iterator<Object> commands) {
        Iterator<List<Object>> units = ScenarioRunner.transactions(commands, settings.commandsPerTransaction(),
                settings.eventsPerTransaction(), CommandBatcher::eventsOf);
        List<Object> first = units.hasNext() ? units.next() : List.of();
        if (!units.hasNext()) {
            return inOneTransaction(ensembleId, runId, seed, scenarioText, first);
        }
        registry.started(runId, ensembleId, seed, scenarioText);
        fresh.open(runId);
        Set<String> aggregates = new LinkedHashSet<>();
        long sent = 0;
        try {
            for (List<Object> batch = first; batch != null; batch = units.hasNext() ? units.next() : null) {
                send(batch, aggregates);
                sent += batch.size();
            }
            Fingerprint fingerprint = store.fingerprint(runId, aggregates);
            registry.completed(runId, fingerprint.events(), fingerprint.hex());
            return new Stored(runId, sent, fingerprint.events(), fingerprint.hex());
        } catch (RuntimeException e) {
            try {
                registry.failed(runId, ScenarioRunner.reason(e));
            } catch (RuntimeException unrecorded) {
                e.addSuppressed(unrecorded);
            }
            throw new ScenarioRunner.RunFailedException(runId, sent, e);
        } finally {
            fresh.close(runId);
            aggregates.forEach(aggregateCache::remove);
        }
    }

    /**
     * The whole member in one transaction: the unit of work's transaction joins this one, so its events, the
     * registration and the fingerprint read back (this transaction sees its own rows) commit together or not at all.
     */
    private Stored inOneTransaction(String ensembleId, RunId runId, long seed, String scenarioText, List<Object> batch) {
        fresh.open(runId);
        Set<String> aggregates = new LinkedHashSet<>();
        try {
            return transactions.execute(status -> {
                send(batch, aggregates);
                Fingerprint fingerprint = store.fingerprint(runId, aggregates);
                // Registered last, COMPLETE: one round trip where RUNNING first and COMPLETE after were two. A run id
                // taken already is refused here by the registry's key, or before by the events' (aggregate, sequence)
                // index; either way the whole member rolls back.
                registry.storedWhole(runId, ensembleId, seed, scenarioText, fingerprint.events(), fingerprint.hex());
                return new Stored(runId, batch.size(), fingerprint.events(), fingerprint.hex());
            });
        } catch (RuntimeException e) {
            // Rolled back, registration included: the run is registered again, FAILED, so it is listed with its reason.
            try {
                transactions.executeWithoutResult(status -> {
                    registry.started(runId, ensembleId, seed, scenarioText);
                    registry.failed(runId, ScenarioRunner.reason(e));
                });
            } catch (RuntimeException unrecorded) {
                e.addSuppressed(unrecorded);
            }
            throw new ScenarioRunner.RunFailedException(runId, 0, e);
        } finally {
            fresh.close(runId);
            aggregates.forEach(aggregateCache::remove);
        }
    }

    private void send(List<Object> batch, Set<String> aggregates) {
        for (Object command : batch) {
            aggregates.add(CommandTargets.idOf(command));
        }
        batcher.sendAll(batch);
    }
}
