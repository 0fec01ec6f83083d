package org.mopr.ledger.api.projection;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.LedgerContexts;
import org.mopr.ledger.api.cli.LedgerCommand;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.section.SectionId;
import org.mopr.ledger.testsupport.TestPostgres;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import picocli.CommandLine;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.DriverManager;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The replay subcommand as a user runs it. */
class ReplayCommandTest {

    private record Result(int exit, List<String> out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LedgerCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString().lines().toList(), err.toString());
    }

    @Test
    void replayRebuildsTheStoreAndEndsWithItsRate() throws Exception {
        String db = TestPostgres.freshDatabase("replay_cli");
        try (ConfigurableApplicationContext context = LedgerContexts.start(db)) {
            CommandGateway commands = context.getBean(CommandGateway.class);
            SectionId su = Projected.foundSection(commands, "cli", "SU", Currency.USD);
            Projected.collectDues(commands, su, 50, "USD");
            Projected.awaitAllProjected(new JdbcTemplate(context.getBean(DataSource.class)));
        }

        Result all = run("replay", "--db", db);
        assertThat(all.exit()).as(all.err()).isZero();
        assertThat(all.out()).first().isEqualTo("replay of every run: projections dropped, rebuilding from the event store");
        assertThat(all.out()).last().asString().matches("replay of every run: 51 events in \\d+\\.\\d s, \\d+ events/s; "
                + "processor at #51; trial balance zero");

        Result one = run("replay", "--run", "cli", "--db", db);
        assertThat(one.exit()).as(one.err()).isZero();
        assertThat(one.out()).last().asString().startsWith("replay of run cli: 51 events in ");

        JdbcTemplate jdbc = new JdbcTemplate(new SimpleDriverDataSource(DriverManager.getDriver(db), db));
        assertThat(Projected.projected(jdbc)).isEqualTo(51);
        assertThat(jdbc.queryForObject("SELECT sum(entries) FROM proj_income_month", Long.class)).isEqualTo(50);
    }

    @Test
    void aMalformedRunIsRefusedBeforeAnythingStarts() {
        Result bad = run("replay", "--run", "Not A Run", "--db", "jdbc:postgresql://127.0.0.1:1/nowhere");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).startsWith("error: run id 'Not A Run' must be 1-63 lower-case letters, digits or '-'");
        assertThat(bad.out()).isEmpty();
    }
}
