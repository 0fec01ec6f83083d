package org.mopr.ledger.api.axon;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The two columns of a COPY row that repeat from one event to the next, encoded once where they repeat: a unit of
 * work's events share their metadata (the correlation data of the command that applied them) and their timestamps
 * share everything up to the second. Encoding each afresh with Jackson and a {@code DateTimeFormatter} was about a
 * third of the writer's COPY encoding (JFR, ledger-api/BENCHMARK.md). The bytes are exactly those Axon's own
 * statement writes. One instance per COPY, so per thread: no locking.
 */
final class RowValues {

    /** "{@code .000Z}": what {@link DateTimeUtils#formatInstant} adds to a whole second. */
    private static final int WHOLE_SECOND_SUFFIX = 5;

    private final Serializer serializer;
    private MetaData lastMetaData;
    private byte[] lastMetaDataBytes;
    private long lastSecond = Long.MIN_VALUE;
    private byte[] secondPrefix;
    private final byte[] timestamp = new byte[32];

    RowValues(Serializer serializer) {
        this.serializer = serializer;
    }

    /** The metadata's serialized bytes, reused while the metadata is equal to the previous event's. */
    byte[] metaData(MetaData metaData) {
        if (lastMetaDataBytes == null || metaData != lastMetaData && !metaData.equals(lastMetaData)) {
            lastMetaDataBytes = serializer.serialize(metaData, byte[].class).getData();
            lastMetaData = metaData;
        }
        return lastMetaDataBytes;
    }

    /**
     * {@link DateTimeUtils#formatInstant} as UTF-8 bytes, in {@link #timestampBytes()} (the returned length): the date
     * and time to the second from Axon's formatter once per second, then the milliseconds by hand (Axon 4.13 writes
     * exactly three digits, truncated) and the zone, "Z".
     */
    int timestamp(Instant instant) {
        long second = instant.getEpochSecond();
        if (second != lastSecond) {
            String whole = DateTimeUtils.formatInstant(Instant.ofEpochSecond(second));
            secondPrefix = whole.substring(0, whole.length() - WHOLE_SECOND_SUFFIX).getBytes(StandardCharsets.US_ASCII);
            lastSecond = second;
        }
        int n = secondPrefix.length;
        System.arraycopy(secondPrefix, 0, timestamp, 0, n);
        int millis = instant.getNano() / 1_000_000;
        timestamp[n++] = '.';
        timestamp[n++] = (byte) ('0' + millis / 100);
        timestamp[n++] = (byte) ('0' + millis / 10 % 10);
        timestamp[n++] = (byte) ('0' + millis % 10);
        timestamp[n++] = 'Z';
        return n;
    }

    byte[] timestampBytes() {
        return timestamp;
    }
}
