package org.mopr.ledger.simulation.run;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How a run cuts its commands into transactions (ScenarioRunner.transactions). */
class TransactionGroupingTest {

    /** A command is written as its number of events. */
    private static List<List<Object>> group(List<Integer> commands, int maxCommands, int maxEvents) {
        Iterator<List<Object>> it = ScenarioRunner.transactions(new ArrayList<Object>(commands).iterator(), maxCommands,
                maxEvents, c -> (Integer) c);
        List<List<Object>> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void recordLevelCommandsGoAHundredToATransaction() {
        List<Integer> ones = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            ones.add(1);
        }
        assertThat(group(ones, 100, 2_000)).extracting(List::size).containsExactly(100, 100, 50);
    }

    @Test
    void memberLevelCommandsStopATransactionOnceItCarriesEnoughEvents() {
        assertThat(group(List.of(1_000, 1_000, 1_000, 500, 1, 1), 100, 2_000))
                .containsExactly(List.of(1_000, 1_000), List.of(1_000, 500, 1, 1));
    }

    @Test
    void aCommandLargerThanTheBoundTravelsAloneAndWhole() {
        assertThat(group(List.of(1, 5_000, 1), 100, 2_000)).containsExactly(List.of(1, 5_000), List.of(1));
    }

    @Test
    void everyCommandIsSentOnceInOrder() {
        List<Integer> commands = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            commands.add(1 + (i * 7919) % 1_000);
        }
        List<Object> flat = new ArrayList<>();
        group(commands, 10, 3_000).forEach(flat::addAll);
        assertThat(flat).isEqualTo(commands);
    }
}
