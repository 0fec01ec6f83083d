package org.mopr.ledger.simulation.run;

import org.mopr.ledger.fund.FundCommands;
import org.mopr.ledger.fund.FundId;
import org.mopr.ledger.organisation.OrganisationCommands;
import org.mopr.ledger.organisation.OrganisationId;
import org.mopr.ledger.patronage.PatronageCommands;
import org.mopr.ledger.patronage.PatronageId;
import org.mopr.ledger.section.SectionCommands;
import org.mopr.ledger.section.SectionId;
import org.mopr.ledger.shared.CommandBatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Consecutive commands to the same aggregate, gathered into one batch command of the aggregate's type
 * ({@link CommandBatch}). Only neighbours are gathered, never commands moved past others, so the events come out
 * in the same order with the same sequence numbers as when each command was sent alone. A command alone, or one of
 * an aggregate type without a batch command, is sent as it is.
 */
public final class CommandGroups {

    private static final Map<Class<?>, BiFunction<Object, List<Object>, Object>> BATCHES = Map.of(
            SectionId.class, (id, commands) -> new SectionCommands((SectionId) id, commands),
            FundId.class, (id, commands) -> new FundCommands((FundId) id, commands),
            OrganisationId.class, (id, commands) -> new OrganisationCommands((OrganisationId) id, commands),
            PatronageId.class, (id, commands) -> new PatronageCommands((PatronageId) id, commands));

    private CommandGroups() {
    }

    /** The commands in order, each run of neighbours to one batchable aggregate replaced by one batch command. */
    public static List<Object> gather(List<?> commands) {
        List<Object> out = new ArrayList<>(commands.size());
        int i = 0;
        while (i < commands.size()) {
            Object first = commands.get(i);
            Object target = CommandTargets.of(first);
            BiFunction<Object, List<Object>, Object> batch = target == null ? null : BATCHES.get(target.getClass());
            int end = i + 1;
            if (batch != null) {
                while (end < commands.size() && end - i < CommandBatch.MAX_COMMANDS
                        && target.equals(CommandTargets.of(commands.get(end)))) {
                    end++;
                }
            }
            if (end - i == 1) {
                out.add(first);
            } else {
                out.add(batch.apply(target, new ArrayList<>(commands.subList(i, end))));
            }
            i = end;
        }
        return out;
    }
}
