package org.mopr.ledger.simulation.compiler;

import org.mopr.ledger.simulation.run.RunPlan;
import org.mopr.ledger.simulation.scenario.ScenarioSource;
import org.mopr.ledger.simulation.scenario.Settings;

import java.util.List;

/** A scenario turned into a plan of commands, with the claims it left out and why. */
public record CompiledScenario(Settings settings, ScenarioSource source, Plan plan, List<Omission> omissions,
                               long expectedCommands, java.util.function.Function<org.mopr.ledger.shared.RunId, java.util.Iterator<Object>> commands) {

    public RunPlan runPlan() {
        return new RunPlan(settings.name(), settings.seed(), source.text(), expectedCommands, commands);
    }
}
