package org.mopr.ledger.simulation.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.mopr.ledger.shared.DomainException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads scenario YAML strictly: unknown keys, wrong types and malformed dates are errors with file and line.
 * Shipped scenarios are found by name on the classpath ({@code scenarios/<name>.yaml}).
 */
public final class ScenarioReader {

    /** A scenario is a page of settings; anything larger is a mistake or an attack. */
    public static final int MAX_BYTES = 256 * 1024;

    public static final List<String> SHIPPED = List.of("historical", "ban-italy-1923", "half-dues", "affiliates-62",
            "us-founded-1921", "dollar-at-2-rubles", "synthetic-members");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ScenarioReader() {
    }

    /** A shipped name ("historical") or a path to a YAML file. */
    public static ScenarioSource source(String nameOrPath) {
        if (SHIPPED.contains(nameOrPath)) {
            String resource = "scenarios/" + nameOrPath + ".yaml";
            try (InputStream in = ScenarioReader.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new DomainException("shipped scenario " + resource + " is missing from the jar");
                }
                return new ScenarioSource(nameOrPath + ".yaml", new String(in.readNBytes(MAX_BYTES + 1), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new DomainException("cannot read shipped scenario " + resource + ": " + e.getMessage());
            }
        }
        Path path = Path.of(nameOrPath);
        if (!Files.isRegularFile(path)) {
            throw new ScenarioException(nameOrPath, 0, "no such scenario: not a shipped name " + SHIPPED + " nor a file");
        }
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw new ScenarioException(nameOrPath, 0, "scenario file is larger than " + MAX_BYTES + " bytes");
            }
            return new ScenarioSource(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ScenarioException(nameOrPath, 0, "cannot read: " + e.getMessage());
        }
    }

    public static Scenario parse(ScenarioSource source) {
        if (source.text().length() > MAX_BYTES) {
            throw new ScenarioException(source.file(), 0, "scenario is larger than " + MAX_BYTES + " bytes");
        }
        if (source.text().isBlank()) {
            throw new ScenarioException(source.file(), 0, "scenario is empty");
        }
        try {
            Scenario scenario = YAML.readValue(source.text(), Scenario.class);
            if (scenario == null) {
                throw new ScenarioException(source.file(), 0, "scenario is empty");
            }
            return scenario;
        } catch (UnrecognizedPropertyException e) {
            throw new ScenarioException(source.file(), line(e.getLocation()), "unknown key '" + e.getPropertyName()
                    + "'; known keys here: " + e.getKnownPropertyIds());
        } catch (JsonProcessingException e) {
            throw new ScenarioException(source.file(), line(e.getLocation()), cleanup(e.getOriginalMessage()));
        }
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : location.getLineNr();
    }

    /** Jackson's messages name Java types; a scenario author needs the value and what was expected. */
    private static String cleanup(String message) {
        String first = message.split("\n")[0];
        return first.replaceAll("`[a-z.]+\\.([A-Z][A-Za-z$]*)`", "$1").replace("Scenario$", "");
    }
}
