package org.mopr.ledger.section;

import org.mopr.ledger.provenance.LedgerCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.time.HistoricalDate;

import java.time.LocalDate;
import java.util.Set;

/**
 * Found a national section.
 *
 * @param founded    the date as the source gives it, with its precision
 * @param placedOn   the day the scenario's placement policy put it on the timeline
 * @param currencies the currencies its fund keeps; money in any other is refused
 */
public record FoundSection(@TargetAggregateIdentifier SectionId sectionId, String name, HistoricalDate founded,
                           LocalDate placedOn, Set<Currency> currencies, Provenance provenance) implements LedgerCommand {
}
