package org.mopr.ledger.projection.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mopr.ledger.money.Currency;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The Frictionless Data Package descriptor of an export: every table as a resource with its Table Schema (names,
 * types, units, descriptions, primary and foreign keys), and the run it comes from with its fingerprint, so pandas,
 * R, DuckDB or {@code frictionless} load the files typed and a reader can tell which run made them.
 */
final class DataPackage {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DataPackage() {
    }

    static void write(ExportRun run, ExportEnsemble ensemble, List<Table> tables, ExportFormat format,
                      Map<String, Long> rows, Path file) throws IOException {
        JSON.writeValue(file.toFile(), descriptor(run, ensemble, tables, format, rows));
    }

    static ObjectNode descriptor(ExportRun run, ExportEnsemble ensemble, List<Table> tables, ExportFormat format,
                                 Map<String, Long> rows) {
        ObjectNode root = JSON.createObjectNode();
        root.put("profile", format == ExportFormat.CSV ? "tabular-data-package" : "data-package");
        if (run != null) {
            root.put("name", "mopr-ledger-" + run.runId() + (ensemble == null ? "" : "-ensemble-" + ensemble.ensembleId()));
            root.put("title", "MOPR ledger, run " + run.runId() + (ensemble == null ? ""
                    : ", with ensemble " + ensemble.ensembleId()));
            root.put("description", "Tidy tables of one run of the mopr-ledger (scenario " + run.scenario() + ", seed "
                    + run.seed() + "): one row per observation, origin on every row, money as integer minor units "
                    + "beside its currency. The fingerprint identifies the run's events: two exports with the same "
                    + "fingerprint hold the same run." + (ensemble == null ? "" : " The ensemble_* tables hold the "
                    + "bands of ensemble " + ensemble.ensembleId() + " across its members."));
            ObjectNode source = root.putObject("run");
            source.put("id", run.runId());
            source.put("scenario", run.scenario());
            source.put("seed", run.seed());
            source.put("events", run.events());
            source.put("fingerprint", run.fingerprint());
        } else {
            root.put("name", "mopr-ledger-ensemble-" + ensemble.ensembleId());
            root.put("title", "MOPR ledger, ensemble " + ensemble.ensembleId());
            root.put("description", "The bands of ensemble " + ensemble.ensembleId() + " (scenario "
                    + ensemble.scenario() + " run " + ensemble.membersDone() + " times): one row per figure with its "
                    + "p5, p50, p95, min and max across the members and its origin, money as integer minor units "
                    + "beside its currency; its members, each a run of its own; and each reconciliation line's share "
                    + "of members.");
        }
        if (ensemble != null) {
            ObjectNode e = root.putObject("ensemble");
            e.put("id", ensemble.ensembleId());
            e.put("scenario", ensemble.scenario());
            e.put("seed", ensemble.seed());
            e.put("members", ensemble.members());
            e.put("membersDone", ensemble.membersDone());
            e.put("vary", ensemble.vary());
            e.put("assumptions", ensemble.assumptions());
            e.put("status", ensemble.status());
            if (ensemble.totalsExact() != null) {
                e.put("totalsExact", ensemble.totalsExact());
            }
            e.put("totalsNote", ensemble.totalsNote());
        }
        // Money columns hold integer minor units: a reader divides by 10^exponent of the row's currency.
        ObjectNode exponents = root.putObject("currencyExponents");
        for (String code : Currency.known()) {
            exponents.put(code, Currency.of(code).minorDigits());
        }
        ArrayNode resources = root.putArray("resources");
        for (Table table : tables) {
            ObjectNode r = resources.addObject();
            r.put("name", table.name());
            r.put("path", RunExporter.fileName(table, format));
            r.put("profile", format == ExportFormat.CSV ? "tabular-data-resource" : "data-resource");
            r.put("format", format.extension());
            r.put("mediatype", format.mediaType());
            if (format == ExportFormat.CSV) {
                r.put("encoding", "utf-8");
            }
            r.put("description", table.description());
            r.put("rows", rows.getOrDefault(table.name(), 0L));
            r.set("schema", schema(table));
        }
        return root;
    }

    private static ObjectNode schema(Table table) {
        ObjectNode schema = JSON.createObjectNode();
        ArrayNode fields = schema.putArray("fields");
        for (Field f : table.fields()) {
            ObjectNode field = fields.addObject();
            field.put("name", f.name());
            field.put("type", f.type().tableSchemaName());
            field.put("description", f.description());
            if (f.unit() != null) {
                field.put("unit", f.unit());
            }
            if (f.type() == FieldType.INTEGER && f.unit() != null && f.unit().startsWith("minor units")) {
                field.put("bareNumber", true);
            }
            if (f.required()) {
                field.putObject("constraints").put("required", true);
            }
        }
        schema.putArray("missingValues").add("");
        if (!table.primaryKey().isEmpty()) {
            ArrayNode pk = schema.putArray("primaryKey");
            table.primaryKey().forEach(pk::add);
        }
        if (!table.foreignKeys().isEmpty()) {
            ArrayNode fks = schema.putArray("foreignKeys");
            for (Table.ForeignKey fk : table.foreignKeys()) {
                ObjectNode k = fks.addObject();
                ArrayNode own = k.putArray("fields");
                fk.fields().forEach(own::add);
                ObjectNode ref = k.putObject("reference");
                ref.put("resource", fk.resource());
                ArrayNode theirs = ref.putArray("fields");
                fk.referenceFields().forEach(theirs::add);
            }
        }
        return schema;
    }
}
