package org.mopr.ledger.api.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.section.DuesCollected;
import org.mopr.ledger.section.SectionId;
import org.mopr.ledger.shared.LedgerJson;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events written with the event mapper (its provenance cache and the dues writer, DuesCollectedJsonTest has the
 * writer alone) are byte for byte what the ledger's own mapper writes.
 */
class EventJsonTest {

    private static final ObjectMapper EVENTS = EventJson.mapper();

    private static List<Object> events(String thread) {
        List<Provenance> provenances = List.of(
                Provenance.simulated("member-months", Map.of("rule", "the Soviet section collected from its members "
                        + "\"what it sent\"", "sigma", "0.35", "months", "1924-01-10..1932-12-10"), 1922, "c001.su-dues"),
                Provenance.documented("c003.members-1932", "c001.su-dues").placedBy("middle"),
                Provenance.assumed("rate: 1 рубль = 0.5 USD ✓", Map.of()),
                Provenance.derived("sum of the sections", "c002.total"));
        List<Object> events = new ArrayList<>();
        SectionId section = SectionId.of("run-" + thread, "SU");
        for (int i = 0; i < 2_000; i++) {
            // Runs of events sharing one provenance instance, as a command's do, then the next.
            Provenance p = provenances.get(i / 7 % provenances.size());
            events.add(new DuesCollected(section, LocalDate.of(i % 97 == 0 ? 10_000 + i : 1927, 1 + i % 12, 10), "member " + i + " «" + thread + "»",
                    new Money(i * 37L, Currency.USD), p));
            if (i % 50 == 0) {
                // Missing values, which the hand-written dues path leaves to Jackson's own.
                events.add(new DuesCollected(section, LocalDate.of(1927, 1, 10), null, new Money(i, Currency.USD), p));
                events.add(new DuesCollected(section, LocalDate.of(1927, 1, 10), "member " + i, null, null));
                events.add(p);
                events.add(Map.of("provenance", p, "other", List.of(p, p)));
            }
        }
        return events;
    }

    @Test
    void eventsAreWrittenAsTheLedgersMapperWritesThem() throws Exception {
        for (Object event : events("main")) {
            assertThat(new String(EVENTS.writeValueAsBytes(event), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(new String(LedgerJson.mapper().writeValueAsBytes(event), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void writersOnSeveralThreadsEachGetTheirOwnProvenances() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String name = "writer-" + t;
                done.add(pool.submit(() -> {
                    for (Object event : events(name)) {
                        assertThat(EVENTS.writeValueAsBytes(event)).isEqualTo(LedgerJson.mapper().writeValueAsBytes(event));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
