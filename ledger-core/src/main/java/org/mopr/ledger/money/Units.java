package org.mopr.ledger.money;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The money units, read from {@code money/currencies.yaml} on the classpath. A broken file is a build error, not
 * an input error, so it fails the first use loudly with the entry at fault.
 */
final class Units {

    static final String FILE = "money/currencies.yaml";
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
    private static final int MAX_UNITS = 1_000;

    private Units() {
    }

    static Map<String, Integer> currencies() {
        try (InputStream in = Units.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is not on the classpath");
            }
            JsonNode list = new YAMLMapper().readTree(in.readNBytes(1 << 20));
            Map<String, Integer> units = new LinkedHashMap<>();
            for (JsonNode unit : list) {
                String code = unit.path("code").asText("");
                int digits = unit.path("minorDigits").asInt(-1);
                if (!CODE.matcher(code).matches() || digits < 0 || digits > 4 || units.put(code, digits) != null) {
                    throw new IllegalStateException(FILE + ": bad or repeated unit " + unit);
                }
            }
            if (units.isEmpty() || units.size() > MAX_UNITS) {
                throw new IllegalStateException(FILE + " must list 1.." + MAX_UNITS + " units");
            }
            return Collections.unmodifiableMap(units);
        } catch (IOException e) {
            throw new UncheckedIOException(FILE + " cannot be read", e);
        }
    }
}
