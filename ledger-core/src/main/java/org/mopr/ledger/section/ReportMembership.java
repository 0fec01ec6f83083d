package org.mopr.ledger.section;

import org.mopr.ledger.provenance.LedgerCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mopr.ledger.provenance.Provenance;

import java.time.LocalDate;

/** Record the section's membership at a date: a census when documented, an interpolated point when simulated. */
public record ReportMembership(@TargetAggregateIdentifier SectionId sectionId, LocalDate asOf, long members,
                               Provenance provenance) implements LedgerCommand {
}
