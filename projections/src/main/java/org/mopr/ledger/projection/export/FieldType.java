package org.mopr.ledger.projection.export;

/**
 * The few column types an export uses, named as Frictionless Table Schema names them. Money is never a type of its
 * own: it is an {@link #INTEGER} of minor units beside a currency column, so no reader ever sees a float.
 */
public enum FieldType {
    STRING("string"),
    INTEGER("integer"),
    BOOLEAN("boolean"),
    /** A calendar day, ISO 8601 ({@code 1923-01-10}). */
    DATE("date"),
    /** An instant in UTC, ISO 8601 with a {@code Z}. */
    DATETIME("datetime");

    private final String tableSchemaName;

    FieldType(String tableSchemaName) {
        this.tableSchemaName = tableSchemaName;
    }

    public String tableSchemaName() {
        return tableSchemaName;
    }
}
