package org.mopr.ledger.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/**
 * A run of a scenario. Every aggregate id starts with it, so two runs live side by side in one event store
 * and a projection can tell them apart without reading payloads.
 */
public record RunId(String value) {

    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public RunId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new DomainException("run id '" + value + "' must be 1-63 lower-case letters, digits or '-'");
        }
    }

    @JsonCreator
    public static RunId of(String value) {
        return new RunId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
