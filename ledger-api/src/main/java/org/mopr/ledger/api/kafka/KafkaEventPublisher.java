package org.mopr.ledger.api.kafka;

import io.micrometer.core.instrument.Counter;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    /** Events looked up and sent together while a batch is still being handled. */
    private static final int SEND_CHUNK = 250;

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
        batch().add(message);
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
     * One unit of work's events. They are sent a chunk at a time as the processor hands them over, so the broker
     * receives the first records while the later ones are still being read and decoded; when the unit of work
     * prepares to commit, the rest is sent, the producer flushed and every acknowledgement awaited, and only then may
     * the token move. Chunks keep each event's order: a chunk is sent whole, in stream order, before the next.
     */
    private final class Batch {
        private final Producer<String, byte[]> current;
        private final List<EventMessage<?>> waiting = new ArrayList<>(SEND_CHUNK);
        /** Each waiting event's global index as its token says it, or -1 when it must be looked up. */
        private final long[] indexes = new long[SEND_CHUNK];
        private final TokenIndexes tokens = new TokenIndexes();
        private final List<Long> sent = new ArrayList<>();
        private final List<Future<RecordMetadata>> acks = new ArrayList<>();

        Batch(Producer<String, byte[]> current) {
            this.current = current;
        }

        void add(EventMessage<?> message) {
            indexes[waiting.size()] = message instanceof TrackedEventMessage<?> tracked
                    ? tokens.indexOf(tracked.trackingToken()) : -1;
            waiting.add(message);
            if (waiting.size() >= SEND_CHUNK) {
                sendWaiting();
            }
        }

        private void sendWaiting() {
            if (waiting.isEmpty()) {
                return;
            }
            try {
                Map<String, Long> looked = globalIndexes(waiting, indexes);
                for (int i = 0; i < waiting.size(); i++) {
                    EventMessage<?> message = waiting.get(i);
                    // Boxed on both branches: a look-up that found nothing must stay null, not unbox.
                    Long index = indexes[i] >= 0 ? Long.valueOf(indexes[i]) : looked.get(message.getIdentifier());
                    EventRecords.StoredEvent event = stored(message, index);
                    acks.add(current.send(EventRecords.toRecord(topic, event)));
                    sent.add(event.globalIndex());
                }
                waiting.clear();
            } catch (RuntimeException e) {
                producer.discard(current);
                throw e;
            }
        }

        void complete() {
            sendWaiting();
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
    }

    /**
     * The global index of each event whose token did not say it ({@code known} below 0), looked up by event id
     * (one query per chunk that has any, in the processor's transaction). Consumers need the exact index to
     * deduplicate, and a token's position alone is not it for an event that filled a gap (see TokenIndexes).
     */
    private Map<String, Long> globalIndexes(List<EventMessage<?>> messages, long[] known) {
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            if (known[i] < 0) {
                unknown.add(messages.get(i).getIdentifier());
            }
        }
        if (unknown.isEmpty()) {
            return Map.of();
        }
        Object[] ids = unknown.toArray();
        Map<String, Long> found = new HashMap<>(ids.length * 2);
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(
                    "SELECT eventidentifier, globalindex FROM domainevententry WHERE eventidentifier = ANY (?)");
            ps.setArray(1, con.createArrayOf("varchar", ids));
            return ps;
        }, rs -> {
            found.put(rs.getString(1), rs.getLong(2));
        });
        return found;
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

    private EventRecords.StoredEvent stored(EventMessage<?> message, Long index) {
        if (!(message instanceof DomainEventMessage<?> domain)) {
            throw new IllegalStateException("only domain events of the store are published, got "
                    + message.getPayloadType().getSimpleName());
        }
        if (index == null) {
            throw new IllegalStateException("event " + message.getIdentifier() + " is not in the event store");
        }
        return new EventRecords.StoredEvent(index, domain.getAggregateIdentifier(), domain.getSequenceNumber(),
                domain.getType(), message.getIdentifier(), message.serializePayload(eventSerializer, byte[].class),
                message.getPayload());
    }
}
