package org.mopr.ledger.provenance;

/**
 * Every event an aggregate applies: each says where it comes from, so metrics, Kafka headers and projections read
 * it through this type instead of by reflection. Not sealed: the events live in their aggregates' packages, and a
 * sealed type in the unnamed module may only permit classes of its own package. ledger-api's ArchitectureTest checks
 * instead that every event an aggregate applies implements it.
 */
public interface LedgerEvent {

    /** Where the event comes from: a documented claim, a derivation, or a simulation with its seed. */
    Provenance provenance();
}
