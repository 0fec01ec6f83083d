package org.mopr.ledger.patronage;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mopr.ledger.shared.CommandBatch;

import java.util.List;

/** Consecutive commands to one patronage, sent as one ({@link CommandBatch}): each applied by its own handler, in order. */
public record PatronageCommands(@TargetAggregateIdentifier PatronageId patronageId, List<Object> commands) implements CommandBatch {

    public PatronageCommands {
        commands = CommandBatch.require(patronageId, commands);
    }
}
