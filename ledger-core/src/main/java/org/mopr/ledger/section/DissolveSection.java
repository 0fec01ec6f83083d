package org.mopr.ledger.section;

import org.mopr.ledger.provenance.LedgerCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mopr.ledger.provenance.Provenance;

import java.time.LocalDate;

/** The section stops: dissolved, or banned by its government (a what-if scenario's favourite question). */
public record DissolveSection(@TargetAggregateIdentifier SectionId sectionId, LocalDate on, DissolutionReason reason,
                              Provenance provenance) implements LedgerCommand {
}
