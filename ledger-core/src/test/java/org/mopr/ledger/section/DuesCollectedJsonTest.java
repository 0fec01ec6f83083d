package org.mopr.ledger.section;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.shared.LedgerJson;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dues codec against Jackson's data binding with the ledger's mapper: the writer writes the same bytes, the
 * reader gives the same event or leaves the payload to Jackson.
 */
class DuesCollectedJsonTest {

    private static final ObjectMapper MAPPER = LedgerJson.mapper();
    private static final Provenance SPREAD = Provenance.simulated("member-dues",
            Map.of("model", "seeded-lognormal", "payers", "28797", "derived", "a \"quoted\" rule ✓"), 1922,
            "c001.ussr-aid-1923-usd", "c001.ussr-collections-from-1923");

    private static DuesCollected dues(String run, String code, String payer, long minor, String currency, Provenance p) {
        return new DuesCollected(SectionId.of(run, code), LocalDate.of(1923, 1, 10), payer, Money.of(minor, currency), p);
    }

    private static byte[] json(Object event) throws Exception {
        return MAPPER.writeValueAsBytes(event);
    }

    /** The ledger's mapper with the hand-written writer for dues, and nothing else changed. */
    private static final ObjectMapper WRITER = LedgerJson.mapper().copy()
            .registerModule(new SimpleModule("dues").addSerializer(DuesCollected.class, new DuesCollectedJson.Writer()));

    @Test
    void duesEventsAreWrittenByHandWhileTheirComponentsAreTheOnesItWrites() {
        // Fails when DuesCollected or Money gains or loses a component: update DuesCollectedJson with it.
        assertThat(DuesCollectedJson.fits()).isTrue();
    }

    @Test
    void theWriterWritesTheLedgersMappersBytesAndTheReaderReadsThemBack() throws Exception {
        List<Provenance> provenances = List.of(SPREAD, SPREAD.placedBy("middle"),
                Provenance.assumed("rate: 1 рубль = 0.5 USD ✓", Map.of()), Provenance.derived("sum", "c002.total"));
        List<DuesCollected> events = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Provenance p = provenances.get(i / 7 % provenances.size());
            LocalDate day = LocalDate.of(i % 97 == 0 ? 10_000 + i : 1927, 1 + i % 12, 1 + i % 28);
            events.add(new DuesCollected(SectionId.of("run-" + i % 3, "SU"), day, "member " + i + " «\"x\"»",
                    new Money(i * 37L - 900, Currency.USD), p));
        }
        // Missing values, which the writer leaves to Jackson's reflective path.
        events.add(new DuesCollected(SectionId.of("r", "SU"), LocalDate.of(1927, 1, 10), null, Money.of(1, "USD"), SPREAD));
        events.add(new DuesCollected(SectionId.of("r", "SU"), LocalDate.of(1927, 1, 10), "m", null, null));
        events.add(new DuesCollected(null, null, "m", Money.of(5, "USD"), SPREAD));
        DuesCollectedJson.Reader reader = new DuesCollectedJson.Reader(MAPPER);
        for (DuesCollected event : events) {
            byte[] bytes = WRITER.writeValueAsBytes(event);
            assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(new String(json(event), StandardCharsets.UTF_8));
            boolean whole = event.sectionId() != null && event.paidOn() != null && event.payer() != null
                    && event.amount() != null && event.provenance() != null;
            // A year past 9999 is written with a sign, a form the reader leaves to Jackson, as it does nulls.
            if (whole && event.paidOn().getYear() <= 9999) {
                assertThat(reader.read(bytes)).isEqualTo(event);
            } else {
                assertThat(reader.read(bytes)).isNull();
            }
        }
    }

    @Test
    void theLedgersOwnFormReadsAsTheSerializerReadsIt() throws Exception {
        List<DuesCollected> events = List.of(
                dues("r1", "SU", "SU-member-1", 80, "XRG", SPREAD),
                dues("r1", "SU", "SU-member-2", -5, "XRG", SPREAD),
                dues("r1", "DE", "Genossin Müller", Long.MAX_VALUE, "USD", SPREAD.placedBy("middle")),
                dues("r2", "FR", "", 0, "FRF", Provenance.documented("c1")),
                dues("r2", "FR", "x", Long.MIN_VALUE, "FRF", Provenance.derived("rule", "c1", "c2")));
        DuesCollectedJson.Reader reader = new DuesCollectedJson.Reader(MAPPER);
        for (DuesCollected event : events) {
            byte[] bytes = json(event);
            assertThat(reader.read(bytes)).isEqualTo(MAPPER.readValue(bytes, DuesCollected.class)).isEqualTo(event);
        }
    }

    @Test
    void aProvenanceWrittenAsThePreviousOneIsTheSameInstanceAndAnotherOneIsNot() throws Exception {
        DuesCollectedJson.Reader reader = new DuesCollectedJson.Reader(MAPPER);
        DuesCollected first = reader.read(json(dues("r1", "SU", "a", 80, "XRG", SPREAD)));
        DuesCollected second = reader.read(json(dues("r1", "SU", "b", 90, "XRG", SPREAD)));
        DuesCollected placed = reader.read(json(dues("r1", "SU", "c", 90, "XRG", SPREAD.placedBy("start"))));
        assertThat(second.provenance()).isSameAs(first.provenance());
        assertThat(placed.provenance()).isNotSameAs(first.provenance()).isEqualTo(SPREAD.placedBy("start"));
        assertThat(second.sectionId()).isSameAs(first.sectionId());
    }

    @Test
    void anyOtherFormIsLeftToTheSerializer() throws Exception {
        DuesCollectedJson.Reader reader = new DuesCollectedJson.Reader(MAPPER);
        String ok = new String(json(dues("r1", "SU", "a", 80, "XRG", SPREAD)), StandardCharsets.UTF_8);
        List<String> others = List.of(
                ok.replace("\"payer\":\"a\"", "\"payer\":null"),
                ok.replace("\"paidOn\":\"1923-01-10\"", "\"paidOn\":\"1923-01-10T00:00:00\""),
                ok.replace("\"paidOn\":\"1923-01-10\"", "\"paidOn\":[1923,1,10]"),
                ok.replace("\"minor\":80", "\"minor\":80.5"),
                ok.replace("\"minor\":80", "\"minor\":\"80\""),
                ok.replace("\"minor\":80", "\"minor\":99999999999999999999"),
                ok.replace("{\"sectionId\"", "{\"extra\":1,\"sectionId\""),
                ok.replace(",\"payer\":\"a\"", ""),
                ok.replace("\"provenance\":{", "\"provenance\":null,\"x\":{"),
                ok + " {}",
                "[]");
        for (String other : others) {
            assertThat(reader.read(other.getBytes(StandardCharsets.UTF_8))).as(other).isNull();
        }
        String reordered = ok.replace("\"minor\":80,\"currency\":\"XRG\"", "\"currency\":\"XRG\",\"minor\":80");
        assertThat(reader.read(reordered.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(MAPPER.readValue(reordered, DuesCollected.class));
        // The previous provenance followed by more than the closing brace is parsed, not taken for the previous one.
        String trailing = ok.substring(0, ok.length() - 1) + ",\"extra\":1}";
        assertThat(reader.read(trailing.getBytes(StandardCharsets.UTF_8))).isNull();
        String spaced = ok.replace(",", " ,\n ").replace(":", " : ");
        assertThat(reader.read(spaced.getBytes(StandardCharsets.UTF_8))).isEqualTo(MAPPER.readValue(spaced, DuesCollected.class));
    }
}
