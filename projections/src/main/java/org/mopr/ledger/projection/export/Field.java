package org.mopr.ledger.projection.export;

/**
 * One column of an exported table.
 *
 * @param unit what an integer counts ("minor units of the row's currency", "members"), or null
 * @param required whether the column is never empty
 */
public record Field(String name, FieldType type, String description, String unit, boolean required) {

    public static Field text(String name, String description) {
        return new Field(name, FieldType.STRING, description, null, false);
    }

    public static Field key(String name, FieldType type, String description) {
        return new Field(name, type, description, null, true);
    }

    public static Field integer(String name, String unit, String description) {
        return new Field(name, FieldType.INTEGER, description, unit, false);
    }

    public static Field date(String name, String description) {
        return new Field(name, FieldType.DATE, description, null, false);
    }

    /** Money in minor units of the row's {@code currency} column (the exponents are in datapackage.json). */
    public static Field money(String name, String description) {
        return new Field(name, FieldType.INTEGER, description, "minor units of the currency in column 'currency' (see currencyExponents)", false);
    }

    public static Field currency() {
        return new Field("currency", FieldType.STRING, "ISO 4217 code (XRG: the gold rouble, the ledger's own code)",
                null, true);
    }

    public static Field origin() {
        return new Field("origin", FieldType.STRING,
                "DOCUMENTED (a source says so), DERIVED (a rule applied to sources), SIMULATED (a model with a seed) "
                        + "or ASSUMED (a scenario's assumption)", null, false);
    }
}
