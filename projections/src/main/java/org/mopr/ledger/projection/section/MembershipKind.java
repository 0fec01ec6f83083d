package org.mopr.ledger.projection.section;

import org.mopr.ledger.provenance.Origin;

/** A membership point is a census when a source states it, an interpolated point when a model or rule made it. */
public enum MembershipKind {
    CENSUS,
    INTERPOLATED;

    public static MembershipKind of(String origin) {
        return Origin.DOCUMENTED.name().equals(origin) ? CENSUS : INTERPOLATED;
    }
}
