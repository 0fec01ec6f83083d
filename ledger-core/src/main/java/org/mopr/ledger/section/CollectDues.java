package org.mopr.ledger.section;

import org.mopr.ledger.provenance.LedgerCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mopr.ledger.provenance.Provenance;

import java.util.List;

/**
 * Collect a batch of dues payments into the section's fund. One command carries many lines because one
 * command per payment reaches a twentieth of what the store can append.
 */
public record CollectDues(@TargetAggregateIdentifier SectionId sectionId, List<DuesLine> lines,
                          Provenance provenance) implements LedgerCommand {

    /** A month of a large section's member dues fits; a runaway scenario does not. */
    public static final int MAX_LINES = 10_000;
}
