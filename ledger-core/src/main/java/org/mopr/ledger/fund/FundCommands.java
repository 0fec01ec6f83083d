package org.mopr.ledger.fund;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mopr.ledger.shared.CommandBatch;

import java.util.List;

/** Consecutive commands to one fund, sent as one ({@link CommandBatch}): each applied by its own handler, in order. */
public record FundCommands(@TargetAggregateIdentifier FundId fundId, List<Object> commands) implements CommandBatch {

    public FundCommands {
        commands = CommandBatch.require(fundId, commands);
    }
}
