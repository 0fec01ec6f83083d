package org.mopr.ledger.api.axon;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.core.io.SerializedString;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.section.DuesCollected;
import org.mopr.ledger.shared.LedgerJson;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * The ledger's JSON mapper for what Axon writes, with one difference in how, none in what: a {@link Provenance} is
 * written from the text of the same instance's last serialization on this thread. Every event of a command carries its
 * command's provenance, the same instance (a dues command of a member-level run has hundreds of lines), and the
 * provenance, with its parameters, is more than half of a dues event's JSON and of the time Jackson takes to write it
 * (ledger-api/BENCHMARK.md). A provenance is immutable (a record of an unmodifiable list and sorted map), so its text
 * cannot go stale; the text is {@link LedgerJson#mapper()}'s own, so the bytes are those written without this.
 */
final class EventJson {

    private EventJson() {
    }

    static ObjectMapper mapper() {
        SimpleModule module = new SimpleModule("event-json")
                .addSerializer(Provenance.class, new ProvenanceText(LedgerJson.mapper().writerFor(Provenance.class)));
        if (DuesText.fits()) {
            module.addSerializer(DuesCollected.class, new DuesText(LedgerJson.mapper().writerFor(DuesCollected.class)));
        }
        return LedgerJson.mapper().copy().registerModule(module);
    }

    /** Whether dues events are written by hand (the records still have the components DuesText writes). */
    static boolean writesDuesByHand() {
        return DuesText.fits();
    }

    /**
     * A dues event, nearly every event of a member-level run, written field by field instead of through Jackson's
     * reflective record serializer (what is left of its time once the provenance is text): the same fields in the
     * same order, each as the ledger's mapper writes it. Used only while the records have exactly the components
     * written here ({@link #fits()}), so a component added later is never silently left out; an event with a missing
     * value goes the reflective way.
     */
    private static final class DuesText extends JsonSerializer<DuesCollected> {

        private static final SerializedString SECTION_ID = new SerializedString("sectionId");
        private static final SerializedString PAID_ON = new SerializedString("paidOn");
        private static final SerializedString PAYER = new SerializedString("payer");
        private static final SerializedString AMOUNT = new SerializedString("amount");
        private static final SerializedString MINOR = new SerializedString("minor");
        private static final SerializedString CURRENCY = new SerializedString("currency");
        private static final SerializedString PROVENANCE = new SerializedString("provenance");

        private final ObjectWriter plain;

        DuesText(ObjectWriter plain) {
            this.plain = plain;
        }

        static boolean fits() {
            return components(DuesCollected.class).equals(List.of("sectionId", "paidOn", "payer", "amount", "provenance"))
                    && components(Money.class).equals(List.of("minor", "currency"));
        }

        private static List<String> components(Class<?> record) {
            return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
        }

        @Override
        public void serialize(DuesCollected e, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            if (e.sectionId() == null || e.paidOn() == null || e.payer() == null || e.amount() == null
                    || e.amount().currency() == null || e.provenance() == null) {
                gen.writeRawValue(plain.writeValueAsString(e));
                return;
            }
            gen.writeStartObject(e);
            gen.writeFieldName(SECTION_ID);
            gen.writeString(e.sectionId().toString());
            gen.writeFieldName(PAID_ON);
            // ISO_LOCAL_DATE, as JavaTimeModule writes a LocalDate with WRITE_DATES_AS_TIMESTAMPS off.
            gen.writeString(e.paidOn().toString());
            gen.writeFieldName(PAYER);
            gen.writeString(e.payer());
            gen.writeFieldName(AMOUNT);
            gen.writeStartObject();
            gen.writeFieldName(MINOR);
            gen.writeNumber(e.amount().minor());
            gen.writeFieldName(CURRENCY);
            gen.writeString(e.amount().currency().code());
            gen.writeEndObject();
            gen.writeFieldName(PROVENANCE);
            serializers.findValueSerializer(Provenance.class).serialize(e.provenance(), gen, serializers);
            gen.writeEndObject();
        }
    }

    private static final class ProvenanceText extends JsonSerializer<Provenance> {

        /**
         * The last provenance written on a thread and its text: one entry per writer thread. A SerializedString keeps
         * its UTF-8 bytes, which the generator copies as they are (a String would be encoded again every time).
         */
        private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[2]);

        private final ObjectWriter plain;

        ProvenanceText(ObjectWriter plain) {
            this.plain = plain;
        }

        @Override
        public void serialize(Provenance value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            Object[] last = LAST.get();
            if (last[0] != value) {
                last[1] = new SerializedString(plain.writeValueAsString(value));
                last[0] = value;
            }
            gen.writeRawValue((SerializedString) last[1]);
        }
    }
}
