package org.mopr.ledger.api.axon;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.core.io.SerializedString;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.section.DuesCollected;
import org.mopr.ledger.section.DuesCollectedJson;
import org.mopr.ledger.shared.LedgerJson;

import java.io.IOException;

/**
 * The ledger's JSON mapper for what Axon writes, with one difference in how, none in what: a {@link Provenance} is
 * written from the text of the same instance's last serialization on this thread. Every event of a command carries its
 * command's provenance, the same instance (a dues command of a member-level run has hundreds of lines), and the
 * provenance, with its parameters, is more than half of a dues event's JSON and of the time Jackson takes to write it
 * (ledger-api/BENCHMARK.md). A provenance is immutable (a record of an unmodifiable list and sorted map), so its text
 * cannot go stale; the text is {@link LedgerJson#mapper()}'s own, so the bytes are those written without this. A dues
 * event is written by {@link DuesCollectedJson.Writer}, which hands its provenance to this cache.
 */
final class EventJson {

    private EventJson() {
    }

    static ObjectMapper mapper() {
        SimpleModule module = new SimpleModule("event-json")
                .addSerializer(Provenance.class, new ProvenanceText(LedgerJson.mapper().writerFor(Provenance.class)));
        if (DuesCollectedJson.fits()) {
            module.addSerializer(DuesCollected.class, new DuesCollectedJson.Writer());
        }
        return LedgerJson.mapper().copy().registerModule(module);
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
