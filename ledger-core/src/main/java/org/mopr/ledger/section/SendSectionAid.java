package org.mopr.ledger.section;

import org.mopr.ledger.provenance.LedgerCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mopr.ledger.fund.AidPurpose;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.provenance.Provenance;

import java.time.LocalDate;

/** The section sends aid from its own fund to prisoners in a country, as the Soviet section did in 1923. */
public record SendSectionAid(@TargetAggregateIdentifier SectionId sectionId, LocalDate sentOn, String country,
                             AidPurpose purpose, Money amount, boolean overdraftAllowed, Provenance provenance) implements LedgerCommand {
}
