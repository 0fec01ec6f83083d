package org.mopr.ledger.api.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.mopr.ledger.section.DuesCollected;
import org.mopr.ledger.section.DuesCollectedJson;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Turns a record's value back into its event with the store's JSON mapper and one reader per event class, resolved
 * the first time the class is seen. Axon's serializer resolves the class and builds a reader for every event it
 * deserializes; a worker decodes every record, and that lookup was part of its cost. The bytes are the store's
 * (the store's serializer wraps the same mapper), so the event is the one Axon would give.
 *
 * <p>Dues, nearly every record of a member-level run, are read by the replay's streaming reader
 * ({@link DuesCollectedJson.Reader}) instead: decoding was over half of the worker's consumer thread once the
 * publisher stopped being the bottleneck (ledger-api/BENCHMARK.md), and that reader also hands consecutive events of
 * one provenance the same {@code Provenance}, which the fold then hashes as one. It answers null for any form it
 * does not know, and Jackson reads those.
 */
final class PayloadDecoder {

    /** A worker's topic carries a few dozen event classes; anything beyond this is not a mopr topic. */
    private static final int MAX_TYPES = 1_000;

    private final ObjectMapper mapper;
    private final ConcurrentMap<String, ObjectReader> readers = new ConcurrentHashMap<>();
    /** The streaming reader keeps the last values it read, so each consumer thread has its own. */
    private final ThreadLocal<DuesCollectedJson.Reader> dues;

    PayloadDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
        this.dues = ThreadLocal.withInitial(() -> new DuesCollectedJson.Reader(mapper));
    }

    /** The event of class {@code type} (as in the record's type header) that {@code value} holds. */
    Object decode(String type, byte[] value) throws IOException {
        if (DuesCollectedJson.TYPE.equals(type)) {
            DuesCollected event = readDues(value);
            if (event != null) {
                return event;
            }
        }
        ObjectReader reader = readers.get(type);
        if (reader == null) {
            reader = readerFor(type);
        }
        return reader.readValue(value);
    }

    private DuesCollected readDues(byte[] value) {
        try {
            return dues.get().read(value);
        } catch (IOException | RuntimeException e) {
            return null;   // Jackson reads it next, and names what is wrong with it
        }
    }

    private ObjectReader readerFor(String type) {
        if (readers.size() >= MAX_TYPES) {
            throw new IllegalStateException("more than " + MAX_TYPES + " event types on the topic: not a mopr topic");
        }
        Class<?> eventClass;
        try {
            eventClass = Class.forName(type, false, PayloadDecoder.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("event type " + type + " is not on this worker's class path", e);
        }
        return readers.computeIfAbsent(type, t -> mapper.readerFor(eventClass));
    }
}
