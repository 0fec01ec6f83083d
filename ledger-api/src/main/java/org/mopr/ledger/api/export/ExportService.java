package org.mopr.ledger.api.export;

import org.mopr.ledger.api.ensemble.EnsembleService;
import org.mopr.ledger.api.projection.ProjectionReadiness;
import org.mopr.ledger.api.reconcile.ReconciliationService;
import org.mopr.ledger.api.run.JdbcRunRegistry;
import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.projection.ensemble.EnsembleStore;
import org.mopr.ledger.projection.export.CatalogTables;
import org.mopr.ledger.projection.export.EnsembleTables;
import org.mopr.ledger.projection.export.ExportEnsemble;
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

/**
 * Exports a complete run whose projections hold all of it, for the command line and the API; with an ensemble, its
 * bands, members and reconciliation shares as three tables more (or alone, without a run).
 */
@Service
public class ExportService {

    private final JdbcRunRegistry runs;
    private final ProjectionReadiness readiness;
    private final RunExporter exporter;
    private final Catalog catalog;
    private final ReconciliationService reconciliation;
    private final EnsembleStore ensembles;

    public ExportService(JdbcRunRegistry runs, ProjectionReadiness readiness, DataSource dataSource, Catalog catalog,
                         ReconciliationService reconciliation, EnsembleService ensembles) {
        this.ensembles = ensembles.store();
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

    /**
     * A run's tables with an ensemble's beside them, or the ensemble's alone ({@code runId} null). The ensemble must
     * have ended (COMPLETE, or FAILED with the members done banded); one still running has no bands yet.
     */
    public ExportResult export(String runId, String ensembleId, ExportFormat format, Path out, Consumer<String> progress) {
        if (ensembleId == null) {
            return export(runId, format, out, progress);
        }
        EnsembleStore.EnsembleRow e = ensembles.find(ensembleId)
                .orElseThrow(() -> new DomainException("unknown ensemble '" + ensembleId + "'"));
        if ("RUNNING".equals(e.status())) {
            throw new DomainException("ensemble " + ensembleId + " is RUNNING: its bands are written when it ends");
        }
        ExportEnsemble described = new ExportEnsemble(e.ensembleId(), e.scenario(), e.seed(), e.members(),
                e.membersDone(), e.vary(), e.assumptions(), e.status(), e.totalsExact(), e.totalsNote());
        List<Table> tables = new ArrayList<>();
        ExportRun run = null;
        if (runId != null) {
            RunRecord record = exportable(runId);
            readiness.awaitWhole(runId, progress);
            run = new ExportRun(runId, record.scenario(), record.seed(), record.events(), record.fingerprint());
            tables.addAll(tables());
        }
        tables.addAll(EnsembleTables.of(ensembles, ensembleId));
        return exporter.export(run, described, tables, format, out);
    }

    public List<Table> tables() {
        List<Table> tables = new ArrayList<>(LedgerTables.all());
        tables.add(CatalogTables.reconciliation(reconciliation::of));
        tables.add(CatalogTables.claims(catalog));
        tables.add(CatalogTables.conflicts(catalog));
        return tables;
    }
}
