package org.mopr.ledger.simulation.compiler;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.shared.RunId;
import org.mopr.ledger.simulation.scenario.ScenarioReader;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class HistoricalCompileTest {

    static Catalog catalog;

    @BeforeAll
    static void load() {
        catalog = Catalog.loadHistorical();
    }

    static List<Object> commands(String scenario, Long seed) {
        CompiledScenario compiled = ScenarioCompiler.compile(ScenarioReader.source(scenario), seed, catalog);
        List<Object> out = new ArrayList<>();
        Iterator<Object> it = compiled.commands().apply(RunId.of("t"));
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void printsStats() {
        CompiledScenario compiled = ScenarioCompiler.compile(ScenarioReader.source("historical"), null, catalog);
        Map<String, Integer> byType = new TreeMap<>();
        commands("historical", null).forEach(c -> byType.merge(c.getClass().getSimpleName(), 1, Integer::sum));
        System.out.println(byType);
        compiled.omissions().forEach(o -> System.out.println("OMIT " + o));
        assertThat(byType).isNotEmpty();
    }
}
