package org.mopr.ledger.simulation.compiler;

import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.fund.SendFundAid;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.section.CollectDues;
import org.mopr.ledger.section.DuesLine;
import org.mopr.ledger.shared.RunId;
import org.mopr.ledger.simulation.scenario.ScenarioReader;
import org.mopr.ledger.simulation.scenario.ScenarioSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Test helpers: compile a scenario against the real catalog and sum what its commands move. */
final class Compiled {

    static final Catalog CATALOG = Catalog.loadHistorical();

    private Compiled() {
    }

    static List<Object> commands(String scenario, Long seed) {
        return commands(ScenarioReader.source(scenario), seed);
    }

    static List<Object> commands(ScenarioSource source, Long seed) {
        CompiledScenario compiled = ScenarioCompiler.compile(source, seed, CATALOG);
        List<Object> out = new ArrayList<>();
        compiled.commands().apply(RunId.of("t")).forEachRemaining(out::add);
        return out;
    }

    static ScenarioSource text(String yaml) {
        return new ScenarioSource("test.yaml", yaml);
    }

    /** Aid sent per currency, optionally only to one country. */
    static Map<String, Long> aid(List<Object> commands, Predicate<SendFundAid> filter) {
        Map<String, Long> sums = new TreeMap<>();
        commands.stream().filter(SendFundAid.class::isInstance).map(SendFundAid.class::cast).filter(filter)
                .forEach(a -> sums.merge(a.amount().currency().code(), a.amount().minor(), Long::sum));
        return sums;
    }

    static Map<String, Long> dues(List<Object> commands) {
        Map<String, Long> sums = new TreeMap<>();
        commands.stream().filter(CollectDues.class::isInstance).map(CollectDues.class::cast)
                .flatMap(c -> c.lines().stream()).map(DuesLine::amount)
                .forEach(m -> sums.merge(m.currency().code(), m.minor(), Long::sum));
        return sums;
    }

    static <T> List<T> ofType(List<Object> commands, Class<T> type) {
        return commands.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static Money usd(long minor) {
        return Money.of(minor, "USD");
    }
}
