package org.mopr.ledger.organisation;

import org.mopr.ledger.provenance.LedgerCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.time.HistoricalDate;

import java.time.LocalDate;
import java.util.Map;

/**
 * A conference or congress. {@code delegates} is the total when the source gives one; {@code delegatesByGroup}
 * its composition (for 1924: 91 CP, 13 YCI, 5 non-party). When both are given they must agree.
 */
public record HoldConference(@TargetAggregateIdentifier OrganisationId organisationId, String conferenceKey,
                             String name, String place, HistoricalDate dates, LocalDate placedOn, Long delegates,
                             Map<String, Long> delegatesByGroup, Provenance provenance) implements LedgerCommand {
}
