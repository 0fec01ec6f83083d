package org.mopr.ledger.catalog;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.shared.LedgerCsv;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders claims for people and programs: aligned text lines, a JSON array, or RFC 4180 CSV. The
 * {@code catalog [--format text|json|csv]} command calls {@link #write(Catalog, Format, Writer)}. The writer is
 * flushed, never closed, so callers can pass standard output.
 */
public final class CatalogExport {

    public enum Format {
        TEXT, JSON, CSV;

        /** Reads "text", "json" or "csv" in any case; the error names the choices. */
        public static Format parse(String name) {
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                    return f;
                }
            }
            throw new DomainException("format '" + name + "' is not one of text, json, csv");
        }
    }

    /** CSV columns, in order; JSON objects carry the same fields with structured values. */
    public static final List<String> COLUMNS = List.of("id", "kind", "subject", "statement", "value", "unit",
            "date", "precision", "scope", "source", "quote", "confidence", "flags", "conflictsWith",
            "conflictNote", "outOfScope", "note");

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private CatalogExport() {
    }

    public static void write(Catalog catalog, Format format, Writer out) throws IOException {
        write(catalog.claims(), format, out);
    }

    public static void write(List<Claim> claims, Format format, Writer out) throws IOException {
        switch (format) {
            case TEXT -> text(claims, out);
            case JSON -> JSON.writeValue(out, claims.stream().map(CatalogExport::jsonObject).toList());
            case CSV -> csv(claims, out);
        }
        out.flush();
    }

    /** One claim as the JSON export writes it; {@code value} is structured, {@code valueText} compact. */
    static Map<String, Object> jsonObject(Claim c) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", c.id());
        o.put("kind", c.kind().name());
        o.put("subject", c.subject().toString());
        o.put("statement", c.statement());
        o.put("value", jsonValue(c));
        o.put("valueText", c.renderValue());
        o.put("unit", c.renderUnit());
        if (c.kind() == ClaimKind.MONEY && c.value().type() != ValueType.RANGE) {
            o.put("minorUnits", c.money().minor());
        }
        o.put("commodity", c.commodity());
        o.put("event", c.event());
        o.put("link", jsonLink(c.link()));
        o.put("date", c.dateText());
        o.put("earliest", c.date().earliest() == null ? null : c.date().earliest().toString());
        o.put("latest", c.date().latest() == null ? null : c.date().latest().toString());
        o.put("precision", c.precision().name());
        o.put("scope", c.scope().toString());
        o.put("source", c.source());
        o.put("quote", c.quote());
        o.put("confidence", c.confidence().name());
        o.put("flags", c.flags().stream().map(Enum::name).sorted().toList());
        o.put("conflictsWith", c.conflictsWith());
        o.put("conflictNote", c.conflictNote());
        o.put("outOfScope", c.outOfScope());
        o.put("note", c.note());
        o.put("partOf", c.partOf());
        return o;
    }

    private static Map<String, Object> jsonLink(Link link) {
        if (link == null) {
            return null;
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("relation", link.relation());
        o.put("mode", link.mode().name());
        o.put("targets", link.targets().stream().map(Subject::toString).toList());
        return o;
    }

    private static Map<String, Object> jsonValue(Claim c) {
        if (c.value() == null) {
            return null;
        }
        ClaimValue v = c.value();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", v.type().name());
        if (v.amount() != null) {
            o.put("amount", v.amount());
        }
        if (v.low() != null) {
            o.put("low", v.low());
            o.put("high", v.high());
        }
        if (v.side() != null) {
            o.put("side", v.side().name());
        }
        return o;
    }

    private static List<String> row(Claim c) {
        List<String> r = new ArrayList<>(COLUMNS.size());
        r.add(c.id());
        r.add(c.kind().name());
        r.add(c.subject().toString());
        r.add(c.statement());
        r.add(c.renderValue());
        r.add(c.renderUnit());
        r.add(c.dateText());
        r.add(c.precision().name());
        r.add(c.scope().toString());
        r.add(c.source());
        r.add(c.quote());
        r.add(c.confidence().name());
        r.add(LedgerCsv.list(c.flags().stream().map(Enum::name).sorted().toList()));
        r.add(LedgerCsv.list(c.conflictsWith()));
        r.add(c.conflictNote());
        r.add(c.outOfScope());
        r.add(c.note());
        return r;
    }

    private static void csv(List<Claim> claims, Writer out) {
        LedgerCsv.row(out, COLUMNS);
        for (Claim c : claims) {
            LedgerCsv.row(out, row(c));
        }
    }

    private static void text(List<Claim> claims, Writer out) throws IOException {
        for (Claim c : claims) {
            StringBuilder line = new StringBuilder();
            line.append(c.id()).append("  ").append(c.kind()).append("  ").append(c.subject());
            String value = (c.renderValue() + " " + (c.renderUnit() == null ? "" : c.renderUnit())).strip();
            if (c.kind() == ClaimKind.DATE) {
                line.append("  ").append(c.event());
            } else if (!value.isEmpty()) {
                line.append("  ").append(value);
            }
            line.append("  ").append(c.dateText()).append(" (").append(c.precision()).append(")");
            line.append("  ").append(c.scope());
            if (!c.flags().isEmpty()) {
                line.append("  ").append(c.flags().stream().map(Enum::name).sorted().toList());
            }
            line.append("  ").append(c.source()).append(": \"").append(c.quote()).append('"');
            if (!c.conflictsWith().isEmpty()) {
                line.append("  conflicts with ").append(String.join(", ", c.conflictsWith()));
            }
            if (!c.inScope()) {
                line.append("  out of scope: ").append(c.outOfScope());
            }
            out.write(line.append('\n').toString());
        }
    }
}
