package org.mopr.ledger.api.kafka;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A worker with no settings of its own fits a bulk stream, and its lag is a count that never goes below zero. */
class WorkerDefaultsTest {

    @Test
    void aWorkerWithoutSettingsFetchesEveryTenMillisecondsInPollsOfTwoThousand() {
        Map<String, Object> config = KafkaClients.consumer(new KafkaProperties(), null, "workers");
        assertThat(config).containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10)
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000)
                .containsEntry(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 << 20)
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    }

    @Test
    void anOperatorsOwnSettingsWin() {
        KafkaProperties properties = new KafkaProperties();
        properties.getConsumer().setFetchMaxWait(Duration.ofMillis(500));
        properties.getConsumer().setMaxPollRecords(300);
        Map<String, Object> config = KafkaClients.consumer(properties, null, "workers");
        assertThat(config).containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500)
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 300);
    }

    /** After a rebalance the consumer's last view of a partition's end may lie behind the position read from the database. */
    @Test
    void theLagGaugeNeverReadsNegative() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        WorkerMetrics metrics = new WorkerMetrics(registry, "workers", "mopr.events");
        metrics.lag(-13);
        assertThat(metrics.lag()).isZero();
        assertThat(registry.get(WorkerMetrics.LAG).gauge().value()).isZero();
        metrics.lag(42);
        assertThat(registry.get(WorkerMetrics.LAG).gauge().value()).isEqualTo(42);
    }
}
