package org.mopr.ledger.api.axon;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.shared.LedgerJson;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The COPY's reused column values are byte for byte what Axon's own statement writes. */
class RowValuesTest {

    private static final Serializer JSON = JacksonSerializer.builder().objectMapper(LedgerJson.mapper()).build();

    @Test
    void timestampsAreAxonsFormatToTheMillisecond() {
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("1922-12-10T00:00:00Z"),
                Instant.parse("2026-12-31T23:59:59.999999999Z"), Instant.parse("2027-01-01T00:00:00.100Z"),
                Instant.parse("2026-06-01T12:00:00.000001Z"), Instant.parse("2026-06-01T12:00:00.120300Z"),
                Instant.parse("9999-12-31T23:59:59.5Z"), Instant.ofEpochSecond(-1, 10), Instant.parse("+12026-06-01T12:00:00.1Z")));
        SplittableRandom random = new SplittableRandom(1922);
        Instant t = Instant.parse("2026-12-06T01:00:00Z");
        for (int i = 0; i < 200_000; i++) {
            // Mostly a few microseconds apart, as a unit of work's events are; now and then a jump of seconds.
            t = t.plusNanos(random.nextInt(10) == 0 ? random.nextLong(5_000_000_000L) : random.nextInt(50_000));
            instants.add(i % 3 == 0 ? Instant.ofEpochSecond(t.getEpochSecond(), t.getNano() / 1000 * 1000) : t);
        }
        RowValues values = new RowValues(JSON);
        for (Instant instant : instants) {
            int n = values.timestamp(instant);
            assertThat(new String(values.timestampBytes(), 0, n, StandardCharsets.UTF_8))
                    .as("%s", instant).isEqualTo(DateTimeUtils.formatInstant(instant));
        }
    }

    @Test
    void metadataBytesAreTheSerializersAndFollowAChange() {
        RowValues values = new RowValues(JSON);
        MetaData a = MetaData.from(Map.of("traceId", "t-1", "correlationId", "c-1"));
        MetaData sameAsA = MetaData.from(Map.of("correlationId", "c-1", "traceId", "t-1"));
        MetaData b = MetaData.from(Map.of("traceId", "t-2", "correlationId", "c-2"));
        for (MetaData m : List.of(a, sameAsA, b, a, MetaData.emptyInstance(), b)) {
            assertThat(values.metaData(m)).isEqualTo(JSON.serialize(m, byte[].class).getData());
        }
    }
}
