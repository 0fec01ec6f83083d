package org.mopr.ledger.catalog;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** CATALOG.md's counts and conflict table must be what the catalog actually holds. */
class CatalogReportTest {

    private static final Path FILE = Path.of("CATALOG.md");

    @Test
    void catalogMarkdownIsUpToDate() throws Exception {
        String text = Files.readString(FILE, StandardCharsets.UTF_8);
        String fresh = CatalogReport.replaceBlock(text, CatalogReport.markdown(Catalog.loadHistorical()));
        if (Boolean.getBoolean("catalog.report.write")) {
            Files.writeString(FILE, fresh, StandardCharsets.UTF_8);
            return;
        }
        assertThat(text)
                .as("ledger-core/CATALOG.md lags the catalog; rerun this test with -Dcatalog.report.write=true")
                .isEqualTo(fresh);
    }

    @Test
    void reportListsEveryConflictAndTheTotal() {
        Catalog catalog = Catalog.loadHistorical();
        String md = CatalogReport.markdown(catalog);
        assertThat(md).contains("| **all** | **" + catalog.size() + "** |");
        for (Conflict c : catalog.conflicts()) {
            assertThat(md).contains("`" + c.first() + "` vs `" + c.second() + "`");
        }
    }
}
