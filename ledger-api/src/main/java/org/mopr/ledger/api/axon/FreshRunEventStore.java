package org.mopr.ledger.api.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;

/**
 * Axon's embedded event store, which answers the first load of an aggregate of a {@link FreshRuns fresh run} with no
 * events without asking the database, and tells {@link StoreCommits} after each commit of events.
 *
 * <p>Every stream reads the table itself (AxonConfiguration), so the store's reading thread, which fed the shared list
 * of recent events and told waiting streams about new ones, never runs. No stream of this application waits for
 * events: the pooled projection processor's coordinator polls without a timeout, and the Kafka publisher reads the
 * table with JDBC. What tells the coordinator that events were committed is {@link StoreCommits}.
 */
final class FreshRunEventStore extends EmbeddedEventStore {

    private final FreshRuns fresh;
    private final StoreCommits commits;

    FreshRunEventStore(FreshRuns fresh, StoreCommits commits, Builder builder) {
        super(builder);
        this.fresh = fresh;
        this.commits = commits;
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        commits.committed();
    }

    /**
     * Axon reads a snapshot, then the events, then scans the unit of work's staged events for the aggregate's (a scan
     * of every event staged so far, about a sixth of an ensemble writer's time at 600 events per unit of work). A fresh
     * run's aggregate has none of the three before its first load: it has applied nothing yet.
     */
    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return fresh.firstLoad(aggregateIdentifier) ? DomainEventStream.empty() : super.readEvents(aggregateIdentifier);
    }
}
