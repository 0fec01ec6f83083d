package org.mopr.ledger.provenance;

/** Where an event's figure comes from. */
public enum Origin {
    /** Stated by a source: the event names the claim ids. */
    DOCUMENTED,
    /** Implied by documented claims through a named rule, for example "USSR share = total minus the rest". */
    DERIVED,
    /** Produced by a declared allocation model from documented totals: model id, parameters and seed. */
    SIMULATED,
    /**
     * Declared by the scenario without a source: an exchange rate, or any parameter a scenario sets that no passage
     * states. Nothing is simulated about it and nothing documents it, so it says so.
     */
    ASSUMED
}
