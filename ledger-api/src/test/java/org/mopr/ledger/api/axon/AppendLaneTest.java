package org.mopr.ledger.api.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.shared.LedgerJson;
import org.mopr.ledger.testsupport.TestPostgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Units of work stored behind their writer on a real PostgreSQL: whole, in the writer's order, and after a failure
 * nothing more, with the writer told at its next append and at the end.
 */
class AppendLaneTest {

    private static final Serializer JSON = JacksonSerializer.builder().objectMapper(LedgerJson.mapper()).build();
    private static DriverManagerDataSource dataSource;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void store() {
        String url = TestPostgres.freshDatabase("lane");
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();
        dataSource = new DriverManagerDataSource(url);
        jdbc = new JdbcTemplate(dataSource);
    }

    private static List<DomainEventMessage<?>> events(String aggregate, int from, int count) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            events.add(new GenericDomainEventMessage<>("Test", aggregate, i, Map.of("n", i, "text", "x".repeat(200))));
        }
        return events;
    }

    private static long count(String aggregate) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class,
                aggregate);
        return n == null ? 0 : n;
    }

    @Test
    void unitsHandedToALaneAreStoredWholeAndInTheWritersOrderOnceItFinishes() {
        AtomicInteger told = new AtomicInteger();
        StoreCommits commits = new StoreCommits();
        commits.onCommit(told::incrementAndGet);
        AtomicInteger evicted = new AtomicInteger();
        try (AppendLane lane = new AppendLanes(dataSource, JSON, commits, evicted::incrementAndGet).open()) {
            assertThat(AppendLane.current()).isSameAs(lane);
            for (int unit = 0; unit < 10; unit++) {
                lane.append(events("ordered", unit * 500, 500));
            }
            assertThat(lane.finish()).isEqualTo(5_000);
        }
        assertThat(AppendLane.current()).isNull();
        assertThat(count("ordered")).isEqualTo(5_000);
        // Global indexes follow sequence numbers: each unit's COPY began after the one before had ended.
        List<Long> sequences = jdbc.queryForList("SELECT sequencenumber FROM domainevententry "
                + "WHERE aggregateidentifier = 'ordered' ORDER BY globalindex", Long.class);
        for (int i = 0; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).isEqualTo(i);
        }
        assertThat(told.get()).isEqualTo(10);
        assertThat(evicted.get()).isZero();
    }

    @Test
    void afterAUnitFailsNothingLaterIsStoredAndTheWriterIsToldAndTheAggregatesEvicted() throws Exception {
        AtomicInteger evicted = new AtomicInteger();
        try (AppendLane lane = new AppendLanes(dataSource, JSON, new StoreCommits(), evicted::incrementAndGet).open()) {
            lane.append(events("clash", 0, 100));
            // Sequence 50 again, late in the second unit: the COPY fails with a duplicate key.
            List<DomainEventMessage<?>> second = events("clash", 100, 100);
            second.addAll(events("clash", 50, 1));
            lane.append(second);
            long deadline = System.nanoTime() + 30_000_000_000L;
            boolean refused = false;
            // The failure reaches the writer at its next append, as soon as the copier has met it.
            while (!refused && System.nanoTime() < deadline) {
                try {
                    lane.append(events("other", 0, 1));
                    Thread.sleep(10);
                } catch (IllegalStateException e) {
                    assertThat(e).hasMessageContaining("could not be stored");
                    refused = true;
                }
            }
            assertThat(refused).isTrue();
            assertThatThrownBy(lane::finish).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("failed");
        }
        assertThat(count("clash")).isEqualTo(100);
        assertThat(count("other")).isZero();
        assertThat(evicted.get()).isPositive();
    }

    @Test
    void aWriterThatFailsCommitsNothingItHadNotCommittedAlready() {
        AtomicInteger evicted = new AtomicInteger();
        try (AppendLane lane = new AppendLanes(dataSource, JSON, new StoreCommits(), evicted::incrementAndGet).open()) {
            lane.abandon(new IllegalStateException("the writer's command was refused"));
            assertThatThrownBy(() -> lane.append(events("abandoned", 0, 10))).isInstanceOf(IllegalStateException.class);
        }
        assertThat(count("abandoned")).isZero();
        assertThat(evicted.get()).isEqualTo(1);
        assertThat(AppendLane.current()).isNull();
    }
}
