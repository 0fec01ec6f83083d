package org.mopr.ledger.projection.section;

import java.time.LocalDate;

/** A section's membership on a day: a census or an interpolated point, with the event that stated it. */
public record MembershipPoint(String section, LocalDate asOf, long members, MembershipKind kind, String origin,
                              long globalIndex) {
}
