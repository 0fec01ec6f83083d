package org.mopr.ledger.fund;

import java.util.List;

/**
 * An event that moves money. Its postings are derived from its fields rather than stored, so the payload
 * stays small at member-level scale and the legs can never disagree with the figure the event states.
 */
public interface MoneyMovement {

    /** The double-entry legs; they always sum to zero per currency. */
    List<Posting> postings();
}
