package org.mopr.ledger.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mopr.ledger.shared.CommandBatch;

import java.util.List;

/** Consecutive commands to one organisation, sent as one ({@link CommandBatch}): each applied by its own handler, in order. */
public record OrganisationCommands(@TargetAggregateIdentifier OrganisationId organisationId, List<Object> commands) implements CommandBatch {

    public OrganisationCommands {
        commands = CommandBatch.require(organisationId, commands);
    }
}
