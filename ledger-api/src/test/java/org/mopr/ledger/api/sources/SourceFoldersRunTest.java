package org.mopr.ledger.api.sources;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mopr.ledger.api.LedgerApplication;
import org.mopr.ledger.api.reconcile.ReconciliationService;
import org.mopr.ledger.api.run.RunService;
import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.catalog.CatalogLimits;
import org.mopr.ledger.catalog.CatalogSource;
import org.mopr.ledger.catalog.SourceFolders;
import org.mopr.ledger.simulation.run.RunSummary;
import org.mopr.ledger.testsupport.TestPostgres;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A shipped seed read from a folder, with the jar's copy left out, runs exactly as the shipped build does. */
class SourceFoldersRunTest {

    static final String SEED_001 = "001_81dcb08b3cb23004";
    static final String HISTORICAL_FINGERPRINT = "e44e873017f5c1bd23274dbe600cd3ab50c7e4055c42d12235dc8681751c3101";

    /** The catalog with seed 001 read from the folder in {@code mopr.test.folder} instead of the jar. */
    static class FolderCatalog {
        @Bean
        @Primary
        Catalog folderCatalog(org.springframework.core.env.Environment env) {
            CatalogSource withoutJarCopy = SourceFolders.without(CatalogSource.classpath(), Set.of(SEED_001 + ".yaml"));
            return Catalog.load(SourceFolders.combine(withoutJarCopy, List.of(Path.of(env.getProperty("mopr.test.folder")))),
                    CatalogLimits.DEFAULT);
        }
    }

    record Outcome(String fingerprint, long events, List<String> lines) {
    }

    @Test
    void seed001FromAFolderGivesTheShippedFingerprintAndReconciliation(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("seed-001"));
        ClassLoader loader = getClass().getClassLoader();
        try (InputStream yaml = loader.getResourceAsStream("catalog/" + SEED_001 + ".yaml");
             InputStream text = loader.getResourceAsStream("seeds/" + SEED_001 + ".txt")) {
            Files.copy(yaml, folder.resolve(SEED_001 + ".yaml"));
            Files.copy(text, folder.resolve(SEED_001 + ".txt"));
        }
        Outcome shipped = run(new SpringApplicationBuilder(LedgerApplication.class), TestPostgres.freshDatabase("shipped"));
        Outcome fromFolder = run(new SpringApplicationBuilder(LedgerApplication.class, FolderCatalog.class)
                .properties("mopr.test.folder=" + folder), TestPostgres.freshDatabase("folder001"));

        assertThat(shipped.fingerprint()).isEqualTo(HISTORICAL_FINGERPRINT);
        assertThat(shipped.events()).isEqualTo(596);
        assertThat(fromFolder.fingerprint()).isEqualTo(shipped.fingerprint());
        assertThat(fromFolder.events()).isEqualTo(shipped.events());
        assertThat(fromFolder.lines()).hasSize(264).isEqualTo(shipped.lines());
    }

    static Outcome run(SpringApplicationBuilder builder, String db) {
        try (ConfigurableApplicationContext context = builder.web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + db)) {
            RunSummary summary = context.getBean(RunService.class).run("historical", null,
                    new PrintStream(new ByteArrayOutputStream()));
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            String run = summary.runId().value();
            await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM proj_event WHERE run_id = ?", Long.class, run) == summary.events());
            List<String> lines = context.getBean(ReconciliationService.class).of(run).lines().stream()
                    .map(Object::toString).toList();
            return new Outcome(summary.fingerprint(), summary.events(), lines);
        }
    }
}
