package org.mopr.ledger.api.export;

import org.mopr.ledger.api.projection.ProjectionReadiness;
import org.mopr.ledger.api.reconcile.ReconciliationService;
import org.mopr.ledger.api.run.JdbcRunRegistry;
import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.projection.export.CatalogTables;
import org.mopr.ledger.projection.export.ExportFormat;
import org.mopr.ledger.projection.export.ExportResult;
import org.mopr.ledger.projection.export.ExportRun;
import org.mopr.ledger.projection.export.LedgerTables;
import org.mopr.ledger.projection.export.RunExporter;
import org.mopr.ledger.projection.export.Table;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.shared.RunId;
import org.mopr.ledger.simulation.run.RunRegistry.RunRecord;
import org.mopr.ledger.simulation.run.RunRegistry.Status;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Exports a complete run whose projections hold all of it, for the command line and the API. */
@Service
public class ExportService {

    private final JdbcRunRegistry runs;
    private final ProjectionReadiness readiness;
    private final RunExporter exporter;
    private final Catalog catalog;
    private final ReconciliationService reconciliation;

    public ExportService(JdbcRunRegistry runs, ProjectionReadiness readiness, DataSource dataSource, Catalog catalog,
                         ReconciliationService reconciliation) {
        this.runs = runs;
        this.readiness = readiness;
        this.exporter = new RunExporter(dataSource);
        this.catalog = catalog;
        this.reconciliation = reconciliation;
    }

    /** The run, if it can be exported: it exists and is COMPLETE (a running or failed run has no whole figures). */
    public RunRecord exportable(String runId) {
        RunRecord run = runs.find(RunId.of(runId)).orElseThrow(() -> new DomainException("unknown run '" + runId + "'"));
        if (run.status() != Status.COMPLETE) {
            throw new DomainException("run '" + runId + "' is " + run.status() + ": only a COMPLETE run is exported");
        }
        return run;
    }

    public ExportResult export(String runId, ExportFormat format, Path out, Consumer<String> progress) {
        RunRecord run = exportable(runId);
        readiness.awaitWhole(runId, progress);
        ExportRun described = new ExportRun(runId, run.scenario(), run.seed(), run.events(), run.fingerprint());
        return exporter.export(described, tables(), format, out);
    }

    public List<Table> tables() {
        List<Table> tables = new ArrayList<>(LedgerTables.all());
        tables.add(CatalogTables.reconciliation(reconciliation::of));
        tables.add(CatalogTables.claims(catalog));
        tables.add(CatalogTables.conflicts(catalog));
        return tables;
    }
}
