package org.mopr.ledger.api.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.mopr.ledger.shared.LedgerJson;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The yardsticks' way of turning a stored payload back into its event: the ledger's own JSON mapper, with one
 * reader per event class, and nothing of Axon. Not thread-safe: each yardstick thread has its own.
 */
final class PayloadReaders {

    private final ObjectMapper mapper = LedgerJson.mapper();
    private final Map<String, ObjectReader> readers = new HashMap<>();

    Object read(String type, byte[] payload) throws IOException {
        ObjectReader reader = readers.computeIfAbsent(type, name -> {
            try {
                return mapper.readerFor(Class.forName(name));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("stored event type " + name + " is not on the class path", e);
            }
        });
        return reader.readValue(payload);
    }
}
