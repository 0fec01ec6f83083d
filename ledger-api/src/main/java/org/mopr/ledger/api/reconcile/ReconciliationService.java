package org.mopr.ledger.api.reconcile;

import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.projection.reconciliation.Reconciler;
import org.mopr.ledger.projection.reconciliation.Reconciliation;
import org.mopr.ledger.projection.reconciliation.ReconciliationFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The reconciliation of a run, for the command line, the API and the run's report folder. */
@Service
public class ReconciliationService {

    private final Reconciler reconciler;
    private final JdbcTemplate jdbc;

    public ReconciliationService(JdbcTemplate jdbc, Catalog catalog) {
        this.jdbc = jdbc;
        this.reconciler = new Reconciler(jdbc, catalog);
    }

    public Reconciliation of(String runId) {
        return reconciler.reconcile(runId);
    }

    /** The claim-against-claim checks of a run with some claims' figures or dates replaced (a what-if). */
    public java.util.List<org.mopr.ledger.projection.reconciliation.Line> crossChecks(String runId,
                                                                                     java.util.Map<String, String> whatIf) {
        return reconciler.crossChecks(new org.mopr.ledger.projection.reconciliation.StoredRunFacts(jdbc, runId), whatIf);
    }

    /** Writes reconciliation.json and reconciliation.csv into the folder. */
    public void writeReports(Reconciliation reconciliation, Path dir) {
        try {
            Files.createDirectories(dir);
            for (ReconciliationFormat format : new ReconciliationFormat[]{ReconciliationFormat.JSON, ReconciliationFormat.CSV}) {
                try (Writer out = Files.newBufferedWriter(dir.resolve("reconciliation." + format.name().toLowerCase()),
                        StandardCharsets.UTF_8)) {
                    format.write(reconciliation, out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reconciliation into " + dir, e);
        }
    }
}
