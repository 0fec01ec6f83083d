package org.mopr.ledger.api.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * Axon's embedded event store, which answers the first load of an aggregate of a {@link FreshRuns fresh run} with no
 * events without asking the database.
 *
 * <p>It used to also wake the store's reading thread whenever a processor opened a stream: that thread fed the list
 * of recent events the processors followed, and slept a second between reads when none followed the head. With
 * every stream reading the table itself (AxonConfiguration) the thread never runs, and a stream opened reads at once.
 * That thread was also what told a stream waiting at the head that events had been committed; a stream that waits
 * is now told by the commit itself, and so is the pooled projection processor's coordinator, which polls instead of
 * waiting ({@link StoreCommits}).
 */
final class FreshRunEventStore extends EmbeddedEventStore {

    private final FreshRuns fresh;
    private final StoreCommits commits;
    private final Lock consumerLock;
    private final Condition consumableEvents;

    FreshRunEventStore(FreshRuns fresh, StoreCommits commits, Builder builder) {
        super(builder);
        this.fresh = fresh;
        this.commits = commits;
        // Axon 4.13 keeps the streams' wait condition private; its reading thread is the only one that signals it.
        this.consumerLock = (Lock) field("consumerLock");
        this.consumableEvents = (Condition) field("consumableEventsCondition");
    }

    private Object field(String name) {
        try {
            Field f = EmbeddedEventStore.class.getDeclaredField(name);
            f.setAccessible(true);
            return f.get(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Axon's embedded event store has no field " + name + " (another Axon version?)", e);
        }
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        consumerLock.lock();
        try {
            consumableEvents.signalAll();
        } finally {
            consumerLock.unlock();
        }
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
