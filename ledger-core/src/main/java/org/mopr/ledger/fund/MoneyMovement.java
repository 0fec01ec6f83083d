package org.mopr.ledger.fund;

import org.mopr.ledger.provenance.LedgerEvent;

import java.util.List;

/**
 * An event that moves money. Its postings are derived from its fields rather than stored, so the payload
 * stays small at member-level scale and the legs can never disagree with the figure the event states.
 * It is a LedgerEvent like every sourced event: the projections read its origin and claims through that type.
 */
public interface MoneyMovement extends LedgerEvent {

    /** The double-entry legs; they always sum to zero per currency. */
    List<Posting> postings();
}
