package org.mopr.ledger.api.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.run.RunService;
import org.mopr.ledger.testsupport.TestPostgres;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.io.OutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Holes in the global index, made with real transactions on the store: the publisher reads the event table in
 * pages, and must neither pass an event whose transaction commits after later ones nor wait for ever for one
 * that rolled back.
 */
class PublisherGapTest {

    /** Long beside the test's own steps, short beside the test. */
    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(8);

    /** A copy of the store's first event under a new aggregate of the same run, in the caller's transaction. */
    private static final String APPEND = "INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, "
            + "eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) "
            + "SELECT split_part(aggregateidentifier, '/', 1) || '/gap-test/' || ?, 0, type, ?, metadata, payload, "
            + "payloadrevision, payloadtype, timestamp FROM domainevententry ORDER BY globalindex LIMIT 1 RETURNING globalindex";

    @Test
    void anEventCommittedAfterLaterOnesIsPublishedAndARolledBackOneStallsThePublisherOnlyUntilTheGapTimeout()
            throws Exception {
        String db = TestPostgres.freshDatabase("kafka_gaps");
        try (ConfigurableApplicationContext store = KafkaRig.store(db, null, null)) {
            store.getBean(RunService.class).run("ban-italy-1923", null, new PrintStream(OutputStream.nullOutputStream()));
        }
        String topic = KafkaRig.freshTopic("gaps");
        // Without the live projection processor: the copies below are not events the projections could take.
        try (ConfigurableApplicationContext store = KafkaRig.store(db, topic, null,
                "--mopr.kafka.publisher.gap-timeout=" + GAP_TIMEOUT, "--mopr.projection.processor.enabled=false")) {
            KafkaEventPublisher publisher = store.getBean(KafkaEventPublisher.class);
            DataSource dataSource = store.getBean(DataSource.class);
            long head = KafkaRig.jdbc(store).queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> publisher.position().orElse(-1) >= head);

            long held;
            long later;
            try (Connection holding = transaction(dataSource); Connection other = transaction(dataSource)) {
                held = append(holding);
                later = append(other);
                other.commit();
                assertThat(later).isGreaterThan(held);
                // The later event is visible and the held one is not: the publisher stays before the hole.
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                        .until(() -> publisher.position().orElse(-1) < held);
                holding.commit();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> publisher.position().orElse(-1) >= later);
            assertThat(publishedIndexes(topic)).as("the late event and the one after it").contains(held, later);

            long rolledBack;
            long after;
            long committedAt;
            try (Connection failing = transaction(dataSource); Connection other = transaction(dataSource)) {
                rolledBack = append(failing);
                after = append(other);
                failing.rollback();
                other.commit();
                committedAt = System.nanoTime();
            }
            await().atMost(GAP_TIMEOUT.plusSeconds(30)).until(() -> publisher.position().orElse(-1) >= after);
            assertThat(Duration.ofNanos(System.nanoTime() - committedAt))
                    .as("the rolled-back index was waited for, as any hole is").isGreaterThanOrEqualTo(GAP_TIMEOUT);
            Set<Long> published = publishedIndexes(topic);
            assertThat(published).contains(after).doesNotContain(rolledBack);
            assertThat(publisher.failure()).isNull();
        }
    }

    private static Connection transaction(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    private static long append(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(APPEND)) {
            String id = UUID.randomUUID().toString();
            insert.setString(1, id);
            insert.setString(2, id);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Set<Long> publishedIndexes(String topic) {
        Set<Long> indexes = new HashSet<>();
        for (List<ConsumerRecord<String, byte[]>> partition : KafkaRig.readAll(topic).values()) {
            partition.forEach(r -> indexes.add(EventRecords.globalIndex(r)));
        }
        return indexes;
    }
}
