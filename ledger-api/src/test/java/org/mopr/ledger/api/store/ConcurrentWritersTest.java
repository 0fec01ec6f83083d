package org.mopr.ledger.api.store;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.LedgerContexts;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.section.CollectDues;
import org.mopr.ledger.section.DuesLine;
import org.mopr.ledger.section.FoundSection;
import org.mopr.ledger.section.SectionId;
import org.mopr.ledger.testsupport.TestPostgres;
import org.mopr.ledger.time.HistoricalDate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two application instances write one aggregate. Within one JVM Axon's lock serialises commands; across
 * instances only the store's unique (aggregate, sequence) key stands between them, and it must reject the
 * loser cleanly: no lost event, no duplicate, and the loser can retry on fresh state.
 */
class ConcurrentWritersTest {

    private static final Provenance DOC = Provenance.documented("test.claim");
    private static final SectionId FRANCE = SectionId.of("race", "FR");

    private static CollectDues dues(String payer, long centimes) {
        return new CollectDues(FRANCE, List.of(new DuesLine(LocalDate.of(1924, 1, 15), payer, Money.of(centimes, "FRF"))), DOC);
    }

    @Test
    void aWriterWithStaleStateLosesCleanlyAndRetriesOnFreshState() {
        String db = TestPostgres.freshDatabase("race");
        try (ConfigurableApplicationContext a = LedgerContexts.start(db);
             ConfigurableApplicationContext b = LedgerContexts.start(db)) {
            CommandGateway gatewayA = a.getBean(CommandGateway.class);
            CommandGateway gatewayB = b.getBean(CommandGateway.class);
            gatewayA.sendAndWait(new FoundSection(FRANCE, "Secours Rouge International", HistoricalDate.year(1923),
                    LocalDate.of(1923, 1, 1), Set.of(Currency.FRF), DOC));

            gatewayB.sendAndWait(dues("cell-b", 100));          // B appends sequence 1
            assertThatThrownBy(() -> gatewayA.sendAndWait(dues("cell-a", 200)))   // A still believes 0 is last
                    .satisfies(e -> assertThat(causes(e)).anyMatch(ConcurrencyException.class::isInstance));

            JdbcTemplate jdbc = new JdbcTemplate(a.getBean(DataSource.class));
            assertThat(payers(jdbc)).containsExactly("cell-b");

            gatewayA.sendAndWait(dues("cell-a", 200));          // the rollback evicted A's stale copy
            assertThat(payers(jdbc)).containsExactly("cell-b", "cell-a");
            assertThat(sequences(jdbc)).containsExactly(0L, 1L, 2L);
        }
    }

    @Test
    void concurrentWritersNeverLoseOrDuplicateAnEvent() throws Exception {
        String db = TestPostgres.freshDatabase("race2");
        try (ConfigurableApplicationContext a = LedgerContexts.start(db);
             ConfigurableApplicationContext b = LedgerContexts.start(db)) {
            a.getBean(CommandGateway.class).sendAndWait(new FoundSection(FRANCE, "Secours Rouge International",
                    HistoricalDate.year(1923), LocalDate.of(1923, 1, 1), Set.of(Currency.FRF), DOC));
            int perWriter = 40;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Integer>> accepted = new ArrayList<>();
            for (ConfigurableApplicationContext context : List.of(a, b)) {
                CommandGateway gateway = context.getBean(CommandGateway.class);
                String writer = context == a ? "a" : "b";
                accepted.add(pool.submit(() -> {
                    start.await();
                    int ok = 0;
                    for (int i = 0; i < perWriter; i++) {
                        try {
                            gateway.sendAndWait(dues(writer + "-" + i, 1));
                            ok++;
                        } catch (RuntimeException e) {
                            assertThat(causes(e)).anyMatch(ConcurrencyException.class::isInstance);
                        }
                    }
                    return ok;
                }));
            }
            start.countDown();
            int total = accepted.get(0).get(60, TimeUnit.SECONDS) + accepted.get(1).get(60, TimeUnit.SECONDS);
            pool.shutdown();

            JdbcTemplate jdbc = new JdbcTemplate(a.getBean(DataSource.class));
            List<Long> sequences = sequences(jdbc);
            assertThat(sequences).hasSize(total + 1);
            for (int i = 0; i < sequences.size(); i++) {
                assertThat(sequences.get(i)).isEqualTo(i);
            }
            assertThat(payers(jdbc)).doesNotHaveDuplicates().hasSize(total);
        }
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static List<Long> sequences(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT sequencenumber FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber", Long.class, FRANCE.toString());
    }

    private static List<String> payers(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT convert_from(payload, 'UTF8')::json->>'payer' FROM domainevententry "
                + "WHERE payloadtype LIKE '%DuesCollected' ORDER BY globalindex", String.class);
    }
}
