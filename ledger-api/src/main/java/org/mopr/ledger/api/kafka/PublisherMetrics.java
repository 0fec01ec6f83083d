package org.mopr.ledger.api.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * What an operator watches on the publishing side: how far the publisher's position is (the last global index
 * acknowledged by the broker and committed), the head of the event table, and the distance between them. A
 * growing distance means Kafka is down or slower than the writers; every worker lags at least by it.
 */
final class PublisherMetrics {

    static final String PUBLISHED = "mopr.kafka.publisher.events";
    static final String POSITION = "mopr.kafka.publisher.position";
    static final String HEAD = "mopr.kafka.publisher.head";
    static final String LAG = "mopr.kafka.publisher.lag";

    /** The publisher, known once it is made (it is made with the counter this registers). */
    private final Supplier<KafkaEventPublisher> publisher;
    private final JdbcTemplate jdbc;

    PublisherMetrics(Supplier<KafkaEventPublisher> publisher, JdbcTemplate jdbc) {
        this.publisher = publisher;
        this.jdbc = jdbc;
    }

    Counter register(MeterRegistry registry, String topic) {
        Gauge.builder(POSITION, this, m -> m.position().orElse(-1)).tag("topic", topic).strongReference(true)
                .description("Global index up to which every event is acknowledged by Kafka (the publisher's position)")
                .register(registry);
        Gauge.builder(HEAD, this, PublisherMetrics::head).tag("topic", topic).strongReference(true)
                .description("Highest global index in the event table").register(registry);
        Gauge.builder(LAG, this, PublisherMetrics::lag).tag("topic", topic).strongReference(true)
                .description("Global indexes stored but not yet published (head minus position)").register(registry);
        return Counter.builder(PUBLISHED).tag("topic", topic)
                .description("Events acknowledged by Kafka (copies sent again after a failure included)").register(registry);
    }

    /** The publisher's stored position: everything up to it is published. */
    OptionalLong position() {
        return publisher.get().position();
    }

    double head() {
        Long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        return head == null ? -1 : head;
    }

    double lag() {
        OptionalLong position = position();
        double head = head();
        if (head < 0) {
            return 0;
        }
        // Before the publisher has stored a position it is unknown: everything counts as behind.
        return Math.max(0, head - position.orElse(-1));
    }
}
