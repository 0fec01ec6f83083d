package org.mopr.ledger.api.kafka;

import org.mopr.ledger.provenance.LedgerEvent;
import org.mopr.ledger.provenance.Provenance;

/**
 * The provenance headers of a record, as text ({@code null}: header absent). Built either from a deserialized
 * event ({@link #of(Object)}, the plain producer's way) or straight from the stored JSON
 * ({@link ProvenanceReader}, the publisher's way); both must give equal values for the same event, which
 * ProvenanceReaderTest checks over every stored event of the test scenarios.
 */
record ProvenanceHeaders(String origin, String claims, String rule, String seed) {

    /** An event that states no provenance. */
    static final ProvenanceHeaders NONE = new ProvenanceHeaders(null, null, null, null);

    static ProvenanceHeaders of(Object payload) {
        Provenance provenance = payload instanceof LedgerEvent e ? e.provenance() : null;
        if (provenance == null) {
            return NONE;
        }
        return new ProvenanceHeaders(provenance.origin().name(),
                provenance.claims().isEmpty() ? null : String.join(",", provenance.claims()),
                provenance.rule(), provenance.seed() == null ? null : provenance.seed().toString());
    }
}
