package org.mopr.ledger.section;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.shared.LedgerJson;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The JSON of a {@link DuesCollected}, nearly every event of a member-level run, written and read by hand in exactly
 * the form {@link LedgerJson#mapper()} writes, because Jackson's reflective record binding was the largest cost left
 * on the ingest path (writing) and in the replay (reading) once the provenances were cached (ledger-api/BENCHMARK.md).
 * Both directions live here, beside the record, so that a change to the record meets both at once: the writer is
 * used only while the records have exactly the components it writes ({@link #fits()}), and the reader answers null
 * for any other form, leaving the payload to Jackson; neither ever gives a result other than Jackson's.
 */
public final class DuesCollectedJson {

    /** The payload type the event store records for a dues event. */
    public static final String TYPE = DuesCollected.class.getName();

    private DuesCollectedJson() {
    }

    /** Whether dues events can be written by hand: the records still have the components {@link Writer} writes. */
    public static boolean fits() {
        return components(DuesCollected.class).equals(List.of("sectionId", "paidOn", "payer", "amount", "provenance"))
                && components(Money.class).equals(List.of("minor", "currency"));
    }

    private static List<String> components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    /**
     * Writes a dues event field by field, the same fields in the same order, each as the ledger's mapper writes it;
     * the provenance goes through the provider's serializer for it (the event serializer's caches its text). An
     * event with a missing value goes the reflective way. Register it only when {@link #fits()}.
     */
    public static final class Writer extends JsonSerializer<DuesCollected> {

        private static final SerializedString SECTION_ID = new SerializedString("sectionId");
        private static final SerializedString PAID_ON = new SerializedString("paidOn");
        private static final SerializedString PAYER = new SerializedString("payer");
        private static final SerializedString AMOUNT = new SerializedString("amount");
        private static final SerializedString MINOR = new SerializedString("minor");
        private static final SerializedString CURRENCY = new SerializedString("currency");
        private static final SerializedString PROVENANCE = new SerializedString("provenance");

        private final ObjectWriter plain = LedgerJson.mapper().writerFor(DuesCollected.class);

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

    /**
     * Reads a dues payload with Jackson's streaming parser instead of its data binding, and hands out one
     * {@link Provenance} instance for every payload whose provenance is byte for byte the previous one's (a
     * member-level run's dues share a handful), so that the projection finds the provenance's id by identity instead
     * of hashing a record of eight parameters per event. Anything but the plain form the ledger writes (another
     * field, a null, another date form) is left to the serializer: {@link #read} answers null. One per page of the
     * replay, used by one thread; it keeps the last section, day, currency and provenance it read.
     */
    public static final class Reader {

        private final ObjectMapper mapper;
        private final ObjectReader provenanceReader;
        private String sectionText;
        private SectionId section;
        private String dayText;
        private LocalDate day;
        private Currency currency;
        private byte[] provenanceJson;
        private Provenance provenance;

        /** @param mapper the event serializer's mapper (the ledger's), which reads a provenance not the previous one */
        public Reader(ObjectMapper mapper) {
            this.mapper = mapper;
            this.provenanceReader = mapper.readerFor(Provenance.class);
        }

        /** The event, or null when the payload is not in the form this reader knows (then ask the serializer). */
        public DuesCollected read(byte[] payload) throws IOException {
            try (JsonParser p = mapper.getFactory().createParser(payload)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return null;
                }
                SectionId sectionId = null;
                LocalDate paidOn = null;
                String payer = null;
                Money amount = null;
                Provenance from = null;
                int fields = 0;
                boolean closedAfterProvenance = false;
                fields:
                for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    fields++;
                    switch (name) {
                        case "sectionId" -> sectionId = value == JsonToken.VALUE_STRING ? section(p.getText()) : null;
                        case "paidOn" -> paidOn = value == JsonToken.VALUE_STRING ? day(p.getText()) : null;
                        case "payer" -> {
                            if (value != JsonToken.VALUE_STRING) {
                                return null;
                            }
                            payer = p.getText();
                        }
                        case "amount" -> amount = value == JsonToken.START_OBJECT ? money(p) : null;
                        case "provenance" -> {
                            if (value != JsonToken.START_OBJECT) {
                                return null;
                            }
                            if (previousProvenanceEnds(payload, (int) p.currentTokenLocation().getByteOffset())) {
                                from = provenance;
                                closedAfterProvenance = true;
                                break fields;
                            }
                            from = provenance(p, payload);
                        }
                        default -> {
                            return null;
                        }
                    }
                }
                boolean closed = closedAfterProvenance
                        || (p.currentToken() == JsonToken.END_OBJECT && p.nextToken() == null);
                if (!closed || fields != 5
                        || sectionId == null || paidOn == null || payer == null || amount == null || from == null) {
                    return null;
                }
                return new DuesCollected(sectionId, paidOn, payer, amount, from);
            }
        }

        private SectionId section(String text) {
            if (!text.equals(sectionText)) {
                section = SectionId.parse(text);
                sectionText = text;
            }
            return section;
        }

        /** Only yyyy-mm-dd, which the ledger writes: Jackson also takes other forms, and those are left to it. */
        private LocalDate day(String text) {
            if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
                return null;
            }
            if (!text.equals(dayText)) {
                day = LocalDate.parse(text);
                dayText = text;
            }
            return day;
        }

        /** {"minor": n, "currency": "XRG"} in either order; null for anything else. */
        private Money money(JsonParser p) throws IOException {
            Long minor = null;
            String code = null;
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("minor") && value == JsonToken.VALUE_NUMBER_INT && minor == null
                        && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                    minor = p.getLongValue();
                } else if (name.equals("currency") && value == JsonToken.VALUE_STRING && code == null) {
                    code = p.getText();
                } else {
                    return null;
                }
            }
            if (minor == null || code == null) {
                return null;
            }
            if (currency == null || !currency.code().equals(code)) {
                currency = Currency.of(code);
            }
            return new Money(minor, currency);
        }

        /**
         * Whether the payload holds, from {@code start}, the previous provenance's bytes and then only the payload's
         * closing brace (the ledger writes the provenance last): then neither the provenance nor the rest needs
         * parsing. Those bytes are a whole JSON object, so a parser would end the provenance exactly where they end.
         */
        private boolean previousProvenanceEnds(byte[] payload, int start) {
            byte[] previous = provenanceJson;
            if (previous == null || start < 0 || start + previous.length >= payload.length
                    || !Arrays.equals(previous, 0, previous.length, payload, start, start + previous.length)) {
                return false;
            }
            int i = start + previous.length;
            while (i < payload.length && whitespace(payload[i])) {
                i++;
            }
            if (i == payload.length || payload[i] != '}') {
                return false;
            }
            for (i++; i < payload.length; i++) {
                if (!whitespace(payload[i])) {
                    return false;
                }
            }
            return true;
        }

        private static boolean whitespace(byte b) {
            return b == ' ' || b == '\t' || b == '\n' || b == '\r';
        }

        /** The previous provenance if this one's JSON is the same bytes, else this one read by the serializer's mapper. */
        private Provenance provenance(JsonParser p, byte[] payload) throws IOException {
            int start = (int) p.currentTokenLocation().getByteOffset();
            p.skipChildren();
            int end = (int) p.currentLocation().getByteOffset();
            if (start < 0 || end <= start || end > payload.length || payload[start] != '{' || payload[end - 1] != '}') {
                return null;
            }
            if (provenanceJson == null || !Arrays.equals(provenanceJson, 0, provenanceJson.length, payload, start, end)) {
                provenance = provenanceReader.readValue(payload, start, end - start);
                provenanceJson = Arrays.copyOfRange(payload, start, end);
            }
            return provenance;
        }
    }
}
