package org.mopr.ledger.api.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.serialization.SerializedObject;
import org.mopr.ledger.projection.engine.EventEnvelope;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The wire form of a stored event on Kafka. The key is the aggregate id, so one aggregate's events share a
 * partition and keep their order; the value is the payload exactly as the event store holds it (JSON of
 * LedgerJson); the headers carry what a consumer needs without parsing the payload: the run, the type, the
 * provenance, and the event's place in the store. The global index makes duplicates exact to detect: the
 * publisher sends an event again after a crash between the broker's acknowledgement and its token's commit,
 * and a consumer that has applied that index drops the copy.
 */
public final class EventRecords {

    public static final String RUN = "mopr-run";
    /** The payload's class, as in domainevententry.payloadtype; with the revision, what deserializes the value. */
    public static final String TYPE = "mopr-type";
    public static final String REVISION = "mopr-revision";
    public static final String AGGREGATE_TYPE = "mopr-aggregate-type";
    public static final String GLOBAL_INDEX = "mopr-global-index";
    public static final String SEQUENCE = "mopr-sequence";
    public static final String EVENT_ID = "mopr-event-id";
    /** DOCUMENTED, DERIVED, SIMULATED or ASSUMED; absent when the event states no provenance. */
    public static final String ORIGIN = "mopr-origin";
    /** The catalog claim ids, comma-separated (claim ids never contain a comma). */
    public static final String CLAIMS = "mopr-claims";
    /** DERIVED: the rule; SIMULATED: the model; ASSUMED: the assumption. */
    public static final String RULE = "mopr-rule";
    public static final String SEED = "mopr-seed";

    /** One stored event with what its record is made of. */
    public record StoredEvent(long globalIndex, String aggregateId, long sequenceNumber, String aggregateType,
                              String eventId, SerializedObject<byte[]> payload, Object payloadObject) {
    }

    private EventRecords() {
    }

    /**
     * One row of the event table as stored, the publisher's input: the payload's bytes are sent as they are (the
     * store has no upcasters, so they are what Axon's serializer would give).
     */
    record EventRow(long globalIndex, String aggregateId, long sequenceNumber, String aggregateType, String eventId,
                    String payloadType, String payloadRevision, byte[] payload) {
    }

    public static ProducerRecord<String, byte[]> toRecord(String topic, StoredEvent event) {
        return toRecord(topic, new EventRow(event.globalIndex(), event.aggregateId(), event.sequenceNumber(),
                event.aggregateType(), event.eventId(), event.payload().getType().getName(),
                event.payload().getType().getRevision(), event.payload().getData()),
                ProvenanceHeaders.of(event.payloadObject()));
    }

    static ProducerRecord<String, byte[]> toRecord(String topic, EventRow event, ProvenanceHeaders provenance) {
        Headers headers = new RecordHeaders();
        put(headers, RUN, runOf(event.aggregateId()));
        put(headers, TYPE, event.payloadType());
        put(headers, REVISION, event.payloadRevision());
        put(headers, AGGREGATE_TYPE, event.aggregateType());
        put(headers, GLOBAL_INDEX, Long.toString(event.globalIndex()));
        put(headers, SEQUENCE, Long.toString(event.sequenceNumber()));
        put(headers, EVENT_ID, event.eventId());
        if (provenance.origin() != null) {
            put(headers, ORIGIN, provenance.origin());
            put(headers, CLAIMS, provenance.claims());
            put(headers, RULE, provenance.rule());
            put(headers, SEED, provenance.seed());
        }
        // No partition and no timestamp: the key picks the partition, and the broker's clock (not the event's
        // storage time) decides retention, so re-publishing an old store is not deleted on arrival.
        return new ProducerRecord<>(topic, null, null, event.aggregateId(), event.payload(), headers);
    }

    /** The event a record carries, its payload decoded with the store's JSON mapper. */
    static EventEnvelope toEnvelope(ConsumerRecord<String, byte[]> record, PayloadDecoder decoder) {
        if (record.key() == null || record.value() == null) {
            throw new IllegalStateException(where(record) + " has no key or no value: not a mopr event record");
        }
        // One pass over the headers (a worker decodes every record): the last of each name wins, as lastHeader's.
        String type = null;
        String globalIndex = null;
        String sequence = null;
        for (Header header : record.headers()) {
            switch (header.key()) {
                case TYPE -> type = utf8(header);
                case GLOBAL_INDEX -> globalIndex = utf8(header);
                case SEQUENCE -> sequence = utf8(header);
                default -> { }
            }
        }
        Object payload;
        try {
            payload = decoder.decode(required(record, TYPE, type), record.value());
        } catch (IOException e) {
            throw new IllegalStateException(where(record) + ": its value is not a " + type + ": " + e.getMessage(), e);
        }
        return new EventEnvelope(number(record, GLOBAL_INDEX, globalIndex), record.key(),
                number(record, SEQUENCE, sequence), payload);
    }

    public static long globalIndex(ConsumerRecord<String, byte[]> record) {
        return number(record, GLOBAL_INDEX);
    }

    /** The run: the prefix of every aggregate id. */
    public static String runOf(String aggregateId) {
        int slash = aggregateId.indexOf('/');
        if (slash <= 0) {
            throw new IllegalStateException("aggregate id '" + aggregateId + "' has no run prefix (run/kind/key)");
        }
        return aggregateId.substring(0, slash);
    }

    /** A header's text, or null when absent. */
    public static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String utf8(Header header) {
        return header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String required(ConsumerRecord<String, byte[]> record, String name, String value) {
        if (value == null) {
            throw new IllegalStateException(where(record) + " has no " + name + " header: not a mopr event record");
        }
        return value;
    }

    private static long number(ConsumerRecord<String, byte[]> record, String name) {
        return number(record, name, text(record.headers(), name));
    }

    private static long number(ConsumerRecord<String, byte[]> record, String name, String found) {
        String value = required(record, name, found);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(where(record) + " has " + name + " '" + value + "', not a number", e);
        }
    }

    static String where(ConsumerRecord<?, ?> record) {
        return "record " + record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
