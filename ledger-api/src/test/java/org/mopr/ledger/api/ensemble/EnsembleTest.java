package org.mopr.ledger.api.ensemble;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.axonframework.common.caching.Cache;
import org.mopr.ledger.api.LedgerContexts;
import org.mopr.ledger.api.run.JdbcRunStore;
import org.mopr.ledger.projection.ensemble.EnsembleComparison;
import org.mopr.ledger.projection.ensemble.EnsembleStore;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.shared.RunId;
import org.mopr.ledger.simulation.run.Fingerprint;
import org.mopr.ledger.testsupport.TestPostgres;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ensembles through the real aggregates into PostgreSQL: exact documented totals, bands, comparison, refusals. */
class EnsembleTest {

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());
    private static ConfigurableApplicationContext context;
    private static EnsembleService ensembles;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        context = LedgerContexts.start(TestPostgres.freshDatabase("ensemble"));
        ensembles = context.getBean(EnsembleService.class);
        jdbc = context.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    static String run(String scenario, int members, String vary) {
        EnsembleService.Checked checked = ensembles.check(new EnsembleService.Request(scenario, null, members, vary));
        String id = ensembles.register(checked);
        ensembles.runMembers(id, checked, QUIET, () -> false);
        return id;
    }

    @Test
    void everyMemberOfTwentyConservesEachDocumentedTotalAndTheP50OfASpreadFigureIsNoMembersOwn() {
        String id = run("historical", 20, "seed,placement");
        EnsembleStore store = ensembles.store();
        EnsembleStore.EnsembleRow row = store.find(id).orElseThrow();
        assertThat(id).isEqualTo("historical-s1922-x20");
        assertThat(row.status()).isEqualTo("COMPLETE");
        assertThat(row.membersDone()).isEqualTo(20);
        assertThat(row.totalsExact()).isTrue();
        assertThat(store.members(id)).hasSize(20).allSatisfy(m -> assertThat(m.conserved()).isTrue());
        // The documented totals, member by member, to the minor unit: $48,265 and 3,000 francs of 1923 sent as aid,
        // and the 440,000 gold rubles collected.
        Map<String, long[]> aid = store.memberValues(id, "aid");
        for (int m = 0; m < 20; m++) {
            long usd = 0;
            long frf = 0;
            for (Map.Entry<String, long[]> e : aid.entrySet()) {
                if (e.getKey().matches("aid/[^/]+/USD")) {
                    usd += e.getValue()[m];
                } else if (e.getKey().matches("aid/[^/]+/FRF")) {
                    frf += e.getValue()[m];
                }
            }
            assertThat(usd).as("member %d's dollars", m + 1).isEqualTo(4_826_500L);
            assertThat(frf).as("member %d's francs", m + 1).isEqualTo(300_000L);
        }
        // Members are registered runs, apart from the scenario's own runs.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_run WHERE scenario = ? AND status = 'COMPLETE'",
                Integer.class, id)).isEqualTo(20);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_run WHERE scenario = 'historical'", Integer.class)).isZero();
        // A spread figure: Poland's gold-ruble aid. Its p50 is no single member's value, and the band says it is modelled.
        EnsembleStore.BandRow pl = store.bands(id, "aid/PL/XRG").get(0);
        long[] members = store.memberValues(id, "aid/PL/XRG").get("aid/PL/XRG");
        assertThat(pl.figure()).isEqualTo("aid/PL/XRG");
        assertThat(pl.origin()).isEqualTo("SIMULATED");
        assertThat(pl.modelled()).isTrue();
        assertThat(pl.min()).isLessThan(pl.max());
        assertThat(members).hasSize(20).doesNotContain(pl.p50());
        assertThat(pl.p5()).isLessThanOrEqualTo(pl.p50());
        assertThat(pl.p50()).isLessThanOrEqualTo(pl.p95());
        // The central fund's balance at the end of the record is, member by member, what it received less what it sent.
        Map<String, long[]> flows = store.memberValues(id, "flow");
        Map<String, long[]> balances = store.memberValues(id, "balance/fund:central");
        assertThat(balances).containsKey("balance/fund:central/XRG");
        for (String key : balances.keySet().stream().filter(k -> k.matches("balance/fund:central/[A-Z]{3}")).toList()) {
            String currency = key.substring(key.lastIndexOf('/') + 1);
            for (int m = 0; m < 20; m++) {
                long net = 0;
                for (Map.Entry<String, long[]> e : flows.entrySet()) {
                    if (e.getKey().matches("flow/[^/]+/fund:central/" + currency)) {
                        net += e.getValue()[m];
                    } else if (e.getKey().matches("flow/fund:central/[^/]+/" + currency)) {
                        net -= e.getValue()[m];
                    }
                }
                assertThat(balances.get(key)[m]).as("member %d's central fund in %s", m + 1, currency).isEqualTo(net);
            }
        }
        // Reconciliation across members: each line with its basis and the share of members it holds in.
        assertThat(store.lines(id)).isNotEmpty().allSatisfy(l -> assertThat(l.members()).isEqualTo(20))
                .anySatisfy(l -> assertThat(l.basis()).isEqualTo("CONSERVATION"));
    }

    @Test
    void aBatchedEnsembleStoresEveryMemberWholeWithItsDocumentedTotalsExactInTheStoreAndTheBulkProjections() {
        EnsembleService.Checked checked = ensembles.check(new EnsembleService.Request("historical", 31L, 6, "seed,placement"));
        String id = ensembles.register(checked);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ensembles.runMembers(id, checked, new PrintStream(printed, true, StandardCharsets.UTF_8), () -> false,
                EnsembleService.Projection.BULK);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("2 writers").contains("projected in bulk");
        JdbcRunStore runs = context.getBean(JdbcRunStore.class);
        Cache cache = context.getBean(Cache.class);
        List<EnsembleStore.MemberRow> members = ensembles.store().members(id);
        assertThat(members).hasSize(6).allSatisfy(m -> assertThat(m.conserved()).isTrue());
        Long xrg = null;
        for (EnsembleStore.MemberRow m : members) {
            // Whole in the store: every event of the run (read by its prefix) is what the member's fingerprint, read by
            // its aggregate ids, covered, and as many as the projections hold after the bulk catch-up.
            Fingerprint all = runs.contents(RunId.of(m.runId())).fingerprint();
            assertThat(all.events()).as(m.runId()).isEqualTo(m.events()).isEqualTo(checked.base().expectedCommands());
            assertThat(all.hex()).as(m.runId()).isEqualTo(m.fingerprint());
            assertThat(jdbc.queryForObject("SELECT count(*) FROM proj_event WHERE run_id = ?", Long.class, m.runId()))
                    .as(m.runId()).isEqualTo(m.events());
            assertThat(jdbc.queryForObject("SELECT status FROM ledger_run WHERE run_id = ?", String.class, m.runId()))
                    .isEqualTo("COMPLETE");
            // The documented totals to the minor unit, as the projections add them up: $48,265 and 3,000 francs sent
            // as aid and collected as Soviet dues; the gold rubles the same in every member, however spread.
            for (String table : new String[]{"proj_aid_month", "proj_income_month"}) {
                Map<String, Long> sums = new java.util.TreeMap<>();
                jdbc.query("SELECT currency, sum(amount_minor) FROM " + table + " WHERE run_id = ? GROUP BY currency",
                        rs -> {
                            sums.put(rs.getString(1), rs.getLong(2));
                        }, m.runId());
                assertThat(sums).as(table + " of " + m.runId()).containsEntry("USD", 4_826_500L).containsEntry("FRF", 300_000L);
                xrg = xrg == null ? sums.get("XRG") : xrg;
                assertThat(sums.get("XRG")).as(table + " of " + m.runId()).isEqualTo(xrg).isPositive();
            }
            // Done members leave the aggregate cache.
            assertThat((Object) cache.get(m.runId() + "/section/SU")).isNull();
        }
        // Live projection is back and follows the store again.
        assertThat(context.getBean(org.axonframework.config.EventProcessingConfiguration.class)
                .eventProcessor(org.mopr.ledger.api.projection.ProjectionConfiguration.PROCESSOR).orElseThrow().isRunning()).isTrue();
    }

    @Test
    void banningItalyMovesItalysAidOutsideTheBaseBandAndLeavesAnUntouchedCountryInside() {
        String base = run("historical", 12, "seed");
        String ban = run("ban-italy-1923", 12, "seed");
        List<EnsembleComparison.FigureDifference> diff = ensembles.compare(base, ban, "aid");
        EnsembleComparison.FigureDifference italy = find(diff, "aid/IT/XRG");
        assertThat(italy.outsideBaseBand()).isTrue();
        assertThat(italy.difference().min()).isPositive();
        // Before the ban (June 1923) Poland's aid is untouched: paired members drew alike, the difference is none.
        EnsembleComparison.FigureDifference poland = find(diff, "aid/PL/XRG/1923-03");
        assertThat(poland.outsideBaseBand()).isFalse();
        assertThat(poland.difference().min()).isZero();
        assertThat(poland.difference().max()).isZero();
        assertThat(poland.base().spread()).isPositive();
    }

    private static EnsembleComparison.FigureDifference find(List<EnsembleComparison.FigureDifference> diff, String figure) {
        return diff.stream().filter(d -> d.figure().equals(figure)).findFirst().orElseThrow(() -> new AssertionError(
                "no figure " + figure + " among " + diff.size()));
    }

    @Test
    void badInputGetsOneLineAndWritesNothing(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        int ensemblesBefore = jdbc.queryForObject("SELECT count(*) FROM ensemble", Integer.class);
        long eventsBefore = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        assertThatThrownBy(() -> ensembles.check(new EnsembleService.Request("historical", null, 0, "seed")))
                .isInstanceOf(DomainException.class).hasMessage("--members must be 2..1,000, got 0");
        assertThatThrownBy(() -> ensembles.check(new EnsembleService.Request("historical", null, 100_000, "seed")))
                .isInstanceOf(DomainException.class).hasMessage("--members must be 2..1,000, got 100000");
        assertThatThrownBy(() -> ensembles.check(new EnsembleService.Request("historical", null, 5, "seed,weather")))
                .isInstanceOf(DomainException.class)
                .hasMessage("unknown --vary word 'weather': use seed, placement, rates or ranges, separated by commas");
        assertThatThrownBy(() -> ensembles.check(new EnsembleService.Request("historical", null, 5, "rates")))
                .isInstanceOf(DomainException.class).hasMessageContaining("gives no rate as a range");
        Path upsideDown = dir.resolve("upside-down.yaml");
        Files.writeString(upsideDown, "name: upside-down\nseed: 1922\nrates:\n"
                + "  - {table: assumed-1923, from: USD, to: XRG, rate: \"1.9434\", range: \"2.05..1.90\", assumption: true}\n"
                + "  - {table: assumed-1923, from: FRF, to: XRG, rate: \"0.1177\", assumption: true}\n");
        assertThatThrownBy(() -> ensembles.check(new EnsembleService.Request(upsideDown.toString(), null, 5, "rates")))
                .isInstanceOf(DomainException.class).hasMessageContaining("upside-down.yaml:4")
                .hasMessageContaining("rate range USD->XRG 2.05..1.90 is upside down: write the lower bound first (1.90..2.05)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ensemble", Integer.class)).isEqualTo(ensemblesBefore);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class)).isEqualTo(eventsBefore);
    }

    @Test
    void aRateGivenAsARangeIsDrawnWithinItForEachMember(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path ranged = dir.resolve("ranged.yaml");
        Files.writeString(ranged, "name: ranged\nseed: 1922\nrates:\n"
                + "  - {table: assumed-1923, from: USD, to: XRG, rate: \"1.9434\", range: \"1.90..2.05\", assumption: true}\n"
                + "  - {table: assumed-1923, from: FRF, to: XRG, rate: \"0.1177\", assumption: true}\n");
        String id = run(ranged.toString(), 3, "rates");
        assertThat(ensembles.store().find(id).orElseThrow().totalsExact()).isTrue();
        List<Double> rates = jdbc.queryForList("SELECT (convert_from(payload, 'UTF8')::jsonb ->> 'numerator')::float8 / (convert_from(payload, 'UTF8')::jsonb ->> "
                + "'denominator')::float8 FROM domainevententry WHERE aggregateidentifier LIKE ? AND payloadtype LIKE "
                + "'%ExchangeRateDeclared' AND convert_from(payload, 'UTF8')::jsonb ->> 'from' = 'USD'", Double.class, id + "-m%");
        assertThat(rates).hasSize(3).allSatisfy(r -> assertThat(r).isBetween(1.90, 2.05));
        assertThat(rates.stream().distinct().count()).isEqualTo(3);
    }

    @Test
    void aStopHalfWayLeavesTheEnsembleFailedWithTheMembersDoneKept() {
        EnsembleService.Checked checked = ensembles.check(new EnsembleService.Request("historical", 7L, 5, "seed"));
        String id = ensembles.register(checked);
        AtomicInteger asked = new AtomicInteger();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> ensembles.runMembers(id, checked, new PrintStream(out, true, StandardCharsets.UTF_8),
                () -> asked.incrementAndGet() > 2)).hasMessageContaining("stopped");
        EnsembleStore.EnsembleRow row = ensembles.store().find(id).orElseThrow();
        assertThat(row.status()).isEqualTo("FAILED");
        assertThat(row.failure()).contains("2 members done and kept");
        assertThat(ensembles.store().members(id)).hasSize(2);
        assertThat(ensembles.store().bands(id, "aid/PL/XRG")).isNotEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("member 2/5 done").contains("s left");
    }
}
