-- Where each Kafka projection worker group has read up to, per topic partition. A worker writes this row in the
-- same transaction as the projection rows of the records it applied, so after a crash it resumes exactly after
-- the last batch that committed: nothing is applied twice, nothing skipped. Kafka's own committed offsets are
-- written after the fact for monitoring tools only; this table is the truth. Not a proj_ table: a replay from
-- the event store must not forget where the workers are.
CREATE TABLE kafka_consumer_offset (
    group_id     VARCHAR(255) NOT NULL,
    topic        VARCHAR(249) NOT NULL,
    partition_no INTEGER      NOT NULL,
    next_offset  BIGINT       NOT NULL CHECK (next_offset >= 0),  -- the next record to apply (Kafka's convention)
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (group_id, topic, partition_no)
);
