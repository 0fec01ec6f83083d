package org.mopr.ledger.simulation.scenario;

import org.mopr.ledger.catalog.CompileRules;
import org.mopr.ledger.shared.DomainException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The compile rules a scenario names with {@code rules:}: the shipped {@code historical} rules by default, or a
 * rules file resolved against the scenario file's folder (so a scenario kept in a source folder names the rules
 * beside it). A mistake in the file names the file and line, as one in the scenario does.
 */
public final class ScenarioRules {

    /** A rules file is at most 1 MiB, as the shipped one's reader allows. */
    private static final long MAX_BYTES = 1 << 20;

    private ScenarioRules() {
    }

    public static CompileRules of(ScenarioSource source) {
        String written = ScenarioReader.parse(source).rules();
        if (written == null || written.equals("historical")) {
            return CompileRules.historical();
        }
        if (written.isBlank()) {
            throw source.error("rules:", "rules: an empty file name; write historical or a rules file");
        }
        Path file = Path.of(source.file());
        Path base = file.getParent() == null ? Path.of(".") : file.getParent();
        Path rules = base.resolve(written).normalize();
        if (!Files.isRegularFile(rules)) {
            throw source.errorAt("rules: no such file '" + written + "' (read as " + rules + "): write historical or"
                    + " a rules file relative to the scenario", "rules:");
        }
        try {
            if (Files.size(rules) > MAX_BYTES) {
                throw new DomainException(rules + ": rules file is larger than " + MAX_BYTES + " bytes");
            }
            return CompileRules.parse(rules.toString(), Files.readString(rules, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DomainException(rules + ": cannot be read: " + e.getMessage());
        }
    }
}
