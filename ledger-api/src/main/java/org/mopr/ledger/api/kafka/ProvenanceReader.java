package org.mopr.ledger.api.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.mopr.ledger.provenance.LedgerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The provenance headers of a stored payload without deserializing the event: a streaming parser reads the
 * top-level {@code "provenance"} object and skips every other field. Deserializing whole events only for these
 * headers was the largest share of the old publisher's Java time (BENCHMARK.md, Kafka).
 *
 * <p>The shortcut rests on the event's JSON having its provenance as a top-level field named so, which Jackson
 * gives a record component {@code provenance}. An event class that computed its provenance instead would not, so
 * the first event of each class is also decoded in full and the two compared; a class where they differ (or
 * whose JSON has no such field) is decoded in full from then on, so a record never carries headers the event
 * does not state.
 */
final class ProvenanceReader {

    private static final Logger log = LoggerFactory.getLogger(ProvenanceReader.class);
    /** Event classes remembered; a store holds a few dozen, so reaching this means something else is in it. */
    private static final int MAX_TYPES = 1_000;
    private static final String FIELD = "provenance";

    private enum Way { NONE, STREAM, DECODE }

    private final JsonFactory json = new JsonFactory();
    private final PayloadDecoder decoder;
    private final Map<String, Way> ways = new ConcurrentHashMap<>();

    ProvenanceReader(PayloadDecoder decoder) {
        this.decoder = decoder;
    }

    ProvenanceHeaders read(String type, byte[] payload) throws IOException {
        Way way = ways.get(type);
        if (way == null) {
            way = learn(type, payload);
        }
        return switch (way) {
            case NONE -> ProvenanceHeaders.NONE;
            case STREAM -> stream(payload);
            case DECODE -> ProvenanceHeaders.of(decoder.decode(type, payload));
        };
    }

    /** Decides, on the first event of a class, whether its headers may come from the streaming parser. */
    private Way learn(String type, byte[] payload) throws IOException {
        if (ways.size() >= MAX_TYPES) {
            throw new IllegalStateException("more than " + MAX_TYPES + " event types in the event table");
        }
        Object event = decoder.decode(type, payload);
        Way way;
        if (!(event instanceof LedgerEvent)) {
            way = Way.NONE;
        } else if (ProvenanceHeaders.of(event).equals(stream(payload))) {
            way = Way.STREAM;
        } else {
            log.warn("{}: the provenance in its JSON differs from the event's provenance(); its events are "
                    + "deserialized for the Kafka headers", type);
            way = Way.DECODE;
        }
        ways.put(type, way);
        return way;
    }

    /** The headers of the top-level provenance object of {@code payload}; NONE when it has none. */
    ProvenanceHeaders stream(byte[] payload) throws IOException {
        try (JsonParser parser = json.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return ProvenanceHeaders.NONE;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (FIELD.equals(name)) {
                    return value == JsonToken.START_OBJECT ? provenance(parser) : ProvenanceHeaders.NONE;
                }
                parser.skipChildren();
            }
            return ProvenanceHeaders.NONE;
        }
    }

    private static ProvenanceHeaders provenance(JsonParser parser) throws IOException {
        String origin = null;
        String claims = null;
        String rule = null;
        String seed = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (name) {
                case "origin" -> origin = parser.getText();
                case "claims" -> claims = claims(parser);
                case "rule" -> rule = parser.getText();
                // As the event's Long prints it, whatever the JSON's spelling of the number.
                case "seed" -> seed = Long.toString(parser.getLongValue());
                default -> parser.skipChildren();
            }
        }
        return origin == null ? ProvenanceHeaders.NONE : new ProvenanceHeaders(origin, claims, rule, seed);
    }

    private static String claims(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new IOException("provenance claims are not an array");
        }
        List<String> ids = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            ids.add(parser.getText());
        }
        return ids.isEmpty() ? null : String.join(",", ids);
    }
}
