package org.mopr.ledger.projection.partition;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A partitioned feed's offsets in the projection database (kafka_consumer_offset, one row per group, topic and
 * partition): the next offset to apply per partition. They move only in the transaction that writes the rows of
 * the records before them, so a crash never applies a record twice nor skips one.
 */
public final class PartitionOffsets {

    private final JdbcTemplate jdbc;
    private final String group;
    private final String topic;

    public PartitionOffsets(JdbcTemplate jdbc, String group, String topic) {
        this.jdbc = jdbc;
        this.group = group;
        this.topic = topic;
    }

    /**
     * The next offset of each partition. A partition this group has never read gets a row at offset 0, so from
     * then on every partition of the group has a row to lock, and a topic whose early records were deleted is
     * noticed (the broker's earliest offset lies above 0) instead of silently projected without them.
     */
    public Map<Integer, Long> positions(List<Integer> partitions) {
        jdbc.batchUpdate("INSERT INTO kafka_consumer_offset (group_id, topic, partition_no, next_offset) VALUES (?, ?, ?, 0) "
                + "ON CONFLICT (group_id, topic, partition_no) DO NOTHING", partitions, partitions.size(), (ps, partition) -> {
            ps.setString(1, group);
            ps.setString(2, topic);
            ps.setInt(3, partition);
        });
        return read(partitions, false);
    }

    /**
     * The next offsets of these partitions, locked until the caller's transaction ends: a second worker that
     * took over a partition in a rebalance waits here, then sees what the first one committed.
     */
    Map<Integer, Long> lock(List<Integer> partitions) {
        return read(partitions, true);
    }

    /** Moves offsets forward (never back: a late worker cannot undo a later one's progress). */
    void advance(Map<Integer, Long> nextOffsets) {
        List<Map.Entry<Integer, Long>> rows = new ArrayList<>(nextOffsets.entrySet());
        jdbc.batchUpdate("UPDATE kafka_consumer_offset SET next_offset = GREATEST(next_offset, ?), updated_at = now() "
                + "WHERE group_id = ? AND topic = ? AND partition_no = ?", rows, rows.size(), (ps, row) -> {
            ps.setLong(1, row.getValue());
            ps.setString(2, group);
            ps.setString(3, topic);
            ps.setInt(4, row.getKey());
        });
    }

    private Map<Integer, Long> read(List<Integer> partitions, boolean forUpdate) {
        Map<Integer, Long> offsets = new HashMap<>();
        jdbc.query(con -> {
            // Sorted, so two transactions lock their partitions' rows in one order and cannot deadlock on them.
            PreparedStatement ps = con.prepareStatement("SELECT partition_no, next_offset FROM kafka_consumer_offset "
                    + "WHERE group_id = ? AND topic = ? AND partition_no = ANY (?) ORDER BY partition_no"
                    + (forUpdate ? " FOR UPDATE" : ""));
            ps.setString(1, group);
            ps.setString(2, topic);
            ps.setArray(3, con.createArrayOf("integer", partitions.toArray()));
            return ps;
        }, rs -> {
            offsets.put(rs.getInt(1), rs.getLong(2));
        });
        return offsets;
    }
}
