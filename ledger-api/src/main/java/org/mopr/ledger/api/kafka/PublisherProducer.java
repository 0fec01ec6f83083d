package org.mopr.ledger.api.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Map;

/**
 * The publisher's producer, made on first use and replaced after a failed batch: a producer that hit a fatal
 * error would fail every retry, and the retry sends everything after the stored position again anyway. Its client metrics are bound
 * to Micrometer (kafka.producer.*).
 */
final class PublisherProducer implements AutoCloseable {

    private final Map<String, Object> config;
    private final MeterRegistry registry;
    private Producer<String, byte[]> producer;
    private KafkaClientMetrics metrics;

    PublisherProducer(Map<String, Object> config, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    synchronized Producer<String, byte[]> get() {
        if (producer == null) {
            producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
            if (registry != null) {
                metrics = new KafkaClientMetrics(producer);
                metrics.bindTo(registry);
            }
        }
        return producer;
    }

    /** Closes {@code failed} if it is still the current producer, so the next batch gets a fresh one. */
    synchronized void discard(Producer<String, byte[]> failed) {
        if (producer == failed) {
            close();
        }
    }

    /** Closes the current producer, if any, dropping what it has not sent: the publisher sends it again. */
    synchronized void discardCurrent() {
        close();
    }

    @Override
    public synchronized void close() {
        if (metrics != null) {
            metrics.close();
            metrics = null;
        }
        if (producer != null) {
            // Unsent records are dropped: the publisher sends them again from its stored position.
            producer.close(Duration.ZERO);
            producer = null;
        }
    }
}
