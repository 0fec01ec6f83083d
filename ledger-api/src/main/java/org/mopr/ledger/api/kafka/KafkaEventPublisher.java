package org.mopr.ledger.api.kafka;

import io.micrometer.core.instrument.Counter;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every stored event to Kafka, as the only handler of the "kafka-publisher" streaming processor. It
 * sends the events of a unit of work (the processor hands it a whole batch) as they come and, when the unit of
 * work prepares to commit, flushes and waits for every acknowledgement: only then may the transaction
 * that stores the processor's token commit. A failure anywhere rolls the token back and the batch is sent
 * again, so nothing is lost; what was already acknowledged arrives twice, and consumers drop the copies by the
 * global index header.
 */
public class KafkaEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";

    private static final String BATCH = KafkaEventPublisher.class.getName() + ".batch";

    private final PublisherProducer producer;
    private final TopicCreator topicCreator;
    private final Serializer eventSerializer;
    private final JdbcTemplate jdbc;
    private final String topic;
    private final PublisherSettings settings;
    private final PublisherHook hook;
    private final Counter published;

    KafkaEventPublisher(PublisherProducer producer, TopicCreator topicCreator, Serializer eventSerializer,
                        JdbcTemplate jdbc, String topic, PublisherSettings settings, PublisherHook hook,
                        Counter published) {
        this.producer = producer;
        this.topicCreator = topicCreator;
        this.eventSerializer = eventSerializer;
        this.jdbc = jdbc;
        this.topic = topic;
        this.settings = settings;
        this.hook = hook;
        this.published = published;
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> message) {
        batch().send(message);
    }

    private Batch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("events are published only from a streaming processor's unit of work");
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            topicCreator.ensure();
            Batch batch = new Batch(producer.get());
            unitOfWork.onPrepareCommit(u -> batch.complete());
            return batch;
        });
    }

    /**
     * One unit of work's events. Each is sent as the processor hands it over, so the broker receives the first
     * records while the later ones are still being read and decoded; when the unit of work prepares to commit, the
     * producer is flushed and every acknowledgement awaited, and only then may the token move.
     */
    private final class Batch {
        private final Producer<String, byte[]> current;
        private final List<Long> sent = new ArrayList<>();
        private final List<Future<RecordMetadata>> acks = new ArrayList<>();
        /** The token after the event handled before this one in this batch; null for the first. */
        private GapAwareTrackingToken previous;

        Batch(Producer<String, byte[]> current) {
            this.current = current;
        }

        void send(EventMessage<?> message) {
            try {
                EventRecords.StoredEvent event = stored(message, globalIndex(message));
                acks.add(current.send(EventRecords.toRecord(topic, event)));
                sent.add(event.globalIndex());
            } catch (RuntimeException e) {
                producer.discard(current);
                throw e;
            }
        }

        void complete() {
            try {
                current.flush();
                awaitAcknowledgements(acks);
            } catch (RuntimeException e) {
                producer.discard(current);
                throw e;
            }
            hook.acknowledged(sent);
            published.increment(sent.size());
        }

        /**
         * The event's global index, which consumers deduplicate by. A gap-aware token's index is the highest index
         * seen, so when it rose from the previous event's token this event raised it and the index is its own (every
         * event of the batch reaches this handler, which takes any payload, so none is skipped in between). An event
         * that filled a gap leaves the index where it was, and the first of a batch has no token before it here:
         * those are looked up by event id, in the processor's transaction.
         */
        private long globalIndex(EventMessage<?> message) {
            GapAwareTrackingToken before = previous;
            previous = message instanceof TrackedEventMessage<?> tracked
                    && tracked.trackingToken() instanceof GapAwareTrackingToken token ? token : null;
            if (before != null && previous != null && previous.getIndex() > before.getIndex()) {
                return previous.getIndex();
            }
            List<Long> found = jdbc.queryForList("SELECT globalindex FROM domainevententry WHERE eventidentifier = ?",
                    Long.class, message.getIdentifier());
            if (found.isEmpty()) {
                throw new IllegalStateException("event " + message.getIdentifier() + " is not in the event store");
            }
            return found.get(0);
        }
    }

    private void awaitAcknowledgements(List<Future<RecordMetadata>> acks) {
        long deadline = System.nanoTime() + settings.ackTimeout().toNanos();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Kafka did not accept an event for " + topic + ": " + e.getCause(), e.getCause());
            } catch (TimeoutException e) {
                throw new IllegalStateException("Kafka did not acknowledge a batch for " + topic + " within "
                        + settings.ackTimeout(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Kafka's acknowledgements", e);
            }
        }
    }

    private EventRecords.StoredEvent stored(EventMessage<?> message, long index) {
        if (!(message instanceof DomainEventMessage<?> domain)) {
            throw new IllegalStateException("only domain events of the store are published, got "
                    + message.getPayloadType().getSimpleName());
        }
        return new EventRecords.StoredEvent(index, domain.getAggregateIdentifier(), domain.getSequenceNumber(),
                domain.getType(), message.getIdentifier(), message.serializePayload(eventSerializer, byte[].class),
                message.getPayload());
    }
}
