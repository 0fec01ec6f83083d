package org.mopr.ledger.api.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.section.DuesCollected;
import org.mopr.ledger.section.DuesCollectedJson;
import org.mopr.ledger.section.SectionId;
import org.mopr.ledger.section.SectionFounded;
import org.mopr.ledger.shared.LedgerJson;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The worker's decoder gives what the store's mapper gives: dues through the streaming reader, in any form the mapper
 * accepts, from several consumer threads at once; other events and bad payloads as Jackson reads them.
 */
class PayloadDecoderTest {

    private static final ObjectMapper MAPPER = LedgerJson.mapper();
    private static final Provenance SPREAD = Provenance.simulated("member-dues", Map.of("model", "seeded-lognormal"),
            1922, "c001.ussr-aid-1923-usd");

    private static List<DuesCollected> dues(int n) {
        List<DuesCollected> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Provenance p = i % 5 == 0 ? SPREAD.placedBy("middle") : SPREAD;
            events.add(new DuesCollected(SectionId.of("run-" + i % 3, "SU"), LocalDate.of(1927, 1 + i % 12, 1 + i % 28),
                    "member " + i, Money.of(i * 13L + 1, "USD"), p));
        }
        return events;
    }

    @Test
    void duesDecodeAsTheMapperReadsThemOnEveryConsumerThread() throws Exception {
        List<DuesCollected> events = dues(2_000);
        List<byte[]> values = new ArrayList<>();
        for (DuesCollected e : events) {
            values.add(MAPPER.writeValueAsBytes(e));
        }
        PayloadDecoder decoder = new PayloadDecoder(MAPPER);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Object>>> decoded = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                decoded.add(threads.submit(() -> {
                    List<Object> out = new ArrayList<>();
                    for (byte[] v : values) {
                        out.add(decoder.decode(DuesCollectedJson.TYPE, v));
                    }
                    return out;
                }));
            }
            for (Future<List<Object>> f : decoded) {
                List<Object> out = f.get();
                assertThat(out).containsExactlyElementsOf(events);
                // The streaming reader, not Jackson, read them: it hands on the provenance it has just read.
                assertThat(((DuesCollected) out.get(2)).provenance()).isSameAs(((DuesCollected) out.get(1)).provenance());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aDuesPayloadInAFormTheStreamingReaderDoesNotKnowIsReadByJackson() throws Exception {
        DuesCollected event = dues(1).get(0);
        // The same fields in another order, with spaces: valid for the mapper, not the writer's form.
        Map<?, ?> fields = MAPPER.readValue(MAPPER.writeValueAsBytes(event), Map.class);
        List<Map.Entry<?, ?>> reversed = new ArrayList<>(fields.entrySet());
        java.util.Collections.reverse(reversed);
        StringBuilder json = new StringBuilder("{ ");
        for (Map.Entry<?, ?> f : reversed) {
            json.append(json.length() > 2 ? " , " : "").append(MAPPER.writeValueAsString(f.getKey())).append(" : ")
                    .append(MAPPER.writeValueAsString(f.getValue()));
        }
        byte[] other = json.append(" }").toString().getBytes(StandardCharsets.UTF_8);
        assertThat(new PayloadDecoder(MAPPER).decode(DuesCollectedJson.TYPE, other)).isEqualTo(event);
    }

    @Test
    void otherEventsAndBrokenPayloadsGoToJackson() throws Exception {
        PayloadDecoder decoder = new PayloadDecoder(MAPPER);
        SectionFounded founded = MAPPER.readValue(MAPPER.writeValueAsBytes(Map.of()), SectionFounded.class);
        assertThat(decoder.decode(SectionFounded.class.getName(), MAPPER.writeValueAsBytes(founded))).isEqualTo(founded);
        assertThatThrownBy(() -> decoder.decode(DuesCollectedJson.TYPE, "{\"sectionId\": ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(java.io.IOException.class);
    }
}
