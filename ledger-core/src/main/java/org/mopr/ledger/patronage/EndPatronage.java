package org.mopr.ledger.patronage;

import org.mopr.ledger.provenance.LedgerCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mopr.ledger.provenance.Provenance;

import java.time.LocalDate;

public record EndPatronage(@TargetAggregateIdentifier PatronageId patronageId, LocalDate on, Provenance provenance) implements LedgerCommand {
}
