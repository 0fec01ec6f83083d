package org.mopr.ledger.provenance;

/**
 * Every command a scenario compiles: each carries the provenance its events will keep, so whatever reads a plan
 * before it runs (a hold-out folded in memory, a dry run) learns where each command comes from without reflection.
 */
public interface LedgerCommand {

    /** Where the command comes from: a documented claim, a derivation, a simulation with its seed, or an assumption. */
    Provenance provenance();
}
