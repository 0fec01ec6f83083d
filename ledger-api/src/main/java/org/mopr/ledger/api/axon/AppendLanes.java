package org.mopr.ledger.api.axon;

import org.axonframework.serialization.Serializer;

import javax.sql.DataSource;
import java.sql.SQLException;

/** Opens {@link AppendLane}s: each takes two of the pool's connections for as long as it is open. */
public final class AppendLanes {

    private final DataSource dataSource;
    private final Serializer eventSerializer;
    private final StoreCommits commits;
    private final Runnable evictAggregates;

    /**
     * @param eventSerializer the storage engine's, so a lane writes exactly the bytes the engine's own append would
     * @param evictAggregates run when a lane fails: cached aggregates then hold events that were never stored
     */
    AppendLanes(DataSource dataSource, Serializer eventSerializer, StoreCommits commits, Runnable evictAggregates) {
        this.dataSource = dataSource;
        this.eventSerializer = eventSerializer;
        this.commits = commits;
        this.evictAggregates = evictAggregates;
    }

    /** A lane for the calling thread: its units of work append through it until it is closed, on this thread. */
    public AppendLane open() {
        try {
            return new AppendLane(dataSource, eventSerializer, commits, evictAggregates);
        } catch (SQLException e) {
            throw new IllegalStateException("no connections for an append lane: " + e.getMessage(), e);
        }
    }
}
