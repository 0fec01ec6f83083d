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

    MemberIngest(CommandBatcher batcher, JdbcRunRegistry registry, JdbcRunStore store, Cache aggregateCache,
                 FreshRuns fresh, EnsembleProperties settings) {
        this.fresh = fresh;
        this.batcher = batcher;
        this.registry = registry;
        this.store = store;
        this.aggregateCache = aggregateCache;
        this.settings = settings;
    }

    /** Registers the member under the ensemble's id as its scenario and sends every command; the id must be new. */
    Stored run(String ensembleId, RunId runId, long seed, String scenarioText, Iterator<Object> commands) {
        registry.started(runId, ensembleId, seed, scenarioText);
        fresh.open(runId);
        Set<String> aggregates = new LinkedHashSet<>();
        long sent = 0;
        try {
            Iterator<List<Object>> transactions = ScenarioRunner.transactions(commands, settings.commandsPerTransaction(),
                    settings.eventsPerTransaction(), CommandBatcher::eventsOf);
            while (transactions.hasNext()) {
                List<Object> batch = transactions.next();
                for (Object command : batch) {
                    aggregates.add(CommandTargets.idOf(command));
                }
                batcher.sendAll(batch);
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
}
