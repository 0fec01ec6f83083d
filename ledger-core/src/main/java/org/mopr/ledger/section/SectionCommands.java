package org.mopr.ledger.section;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mopr.ledger.shared.CommandBatch;

import java.util.List;

/** Consecutive commands to one section, sent as one ({@link CommandBatch}): each applied by its own handler, in order. */
public record SectionCommands(@TargetAggregateIdentifier SectionId sectionId, List<Object> commands) implements CommandBatch {

    public SectionCommands {
        commands = CommandBatch.require(sectionId, commands);
    }
}
