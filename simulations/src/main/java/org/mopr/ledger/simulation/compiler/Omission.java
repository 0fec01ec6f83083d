package org.mopr.ledger.simulation.compiler;

/**
 * A documented claim the scenario did not turn into events, and why: out of the period, undated, about a
 * body that was not a section, or refused by a rule of the domain. The reconciliation reads these.
 */
public record Omission(String claimId, String reason) {
}
