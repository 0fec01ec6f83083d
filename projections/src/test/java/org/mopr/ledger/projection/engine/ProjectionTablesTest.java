package org.mopr.ledger.projection.engine;

import org.junit.jupiter.api.Test;
import org.mopr.ledger.projection.support.ProjectionDatabase;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionTablesTest {

    @Test
    void everyProjectionTableOfTheMigrationsIsListedAndKeyedByRun() {
        ProjectionDatabase db = ProjectionDatabase.fresh("tables");
        assertThat(db.jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                + "AND table_type = 'BASE TABLE' AND table_name LIKE 'proj\\_%' AND table_name <> 'proj_replay'", String.class))
                .containsExactlyInAnyOrderElementsOf(ProjectionTables.ALL);
        for (String table : ProjectionTables.ALL) {
            assertThat(db.jdbc.queryForObject("SELECT count(*) FROM information_schema.columns WHERE table_name = ? "
                    + "AND column_name = 'run_id'", Integer.class, table)).as(table).isEqualTo(1);
        }
    }
}
