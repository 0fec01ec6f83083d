package org.mopr.ledger.simulation.run;

import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.fund.FundCommands;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.section.ReportMembership;
import org.mopr.ledger.section.SectionCommands;
import org.mopr.ledger.section.SectionId;
import org.mopr.ledger.shared.CommandBatch;
import org.mopr.ledger.shared.RunId;
import org.mopr.ledger.simulation.compiler.ScenarioCompiler;
import org.mopr.ledger.simulation.scenario.ScenarioReader;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

/** How a transaction's commands are gathered into batch commands per aggregate (CommandGroups). */
class CommandGroupsTest {

    private static final Provenance DOC = Provenance.documented("claim-1");
    private static final SectionId DE = SectionId.of("t", "DE");
    private static final SectionId FR = SectionId.of("t", "FR");

    private static ReportMembership report(SectionId section, long members) {
        return new ReportMembership(section, LocalDate.of(1925, 1, 1), members, DOC);
    }

    @Test
    void onlyNeighboursToOneAggregateAreGatheredAndALoneCommandStaysAsItIs() {
        List<Object> commands = List.of(report(DE, 1), report(DE, 2), report(FR, 3), report(DE, 4), report(DE, 5),
                report(DE, 6));
        assertThat(CommandGroups.gather(commands)).containsExactly(
                new SectionCommands(DE, List.of(report(DE, 1), report(DE, 2))),
                report(FR, 3),
                new SectionCommands(DE, List.of(report(DE, 4), report(DE, 5), report(DE, 6))));
    }

    @Test
    void aBatchNeverHoldsMoreThanItsBound() {
        List<Object> commands = new ArrayList<>(Collections.nCopies(CommandBatch.MAX_COMMANDS + 1, report(DE, 1)));
        List<Object> gathered = CommandGroups.gather(commands);
        assertThat(gathered).hasSize(2);
        assertThat(((SectionCommands) gathered.get(0)).commands()).hasSize(CommandBatch.MAX_COMMANDS);
        assertThat(gathered.get(1)).isEqualTo(report(DE, 1));
    }

    @Test
    void theHistoricalPlanGathersIntoFewerCommandsThatUnfoldToTheSamePlan() {
        List<Object> plan = new ArrayList<>();
        ScenarioCompiler.compile(ScenarioReader.source("historical"), null, Catalog.loadHistorical()).commands()
                .apply(RunId.of("t")).forEachRemaining(plan::add);
        List<Object> gathered = CommandGroups.gather(plan);
        List<Object> unfolded = new ArrayList<>();
        for (Object command : gathered) {
            if (command instanceof CommandBatch batch) {
                assertThat(batch.commands()).hasSizeGreaterThan(1);
                unfolded.addAll(batch.commands());
            } else {
                unfolded.add(command);
            }
        }
        assertThat(unfolded).containsExactlyElementsOf(plan);
        assertThat(gathered.size()).isLessThan(plan.size() / 2);
        assertThat(gathered).anyMatch(FundCommands.class::isInstance).anyMatch(SectionCommands.class::isInstance);
    }

    @Test
    void theCachedTargetIsAxonsTarget() {
        var axon = AnnotationCommandTargetResolver.builder().build();
        List<Object> plan = new ArrayList<>();
        ScenarioCompiler.compile(ScenarioReader.source("historical"), null, Catalog.loadHistorical()).commands()
                .apply(RunId.of("t")).forEachRemaining(plan::add);
        for (Object command : plan) {
            assertThat(CommandTargets.idOf(command)).isEqualTo(axon.resolveTarget(asCommandMessage(command)).getIdentifier());
        }
    }
}
