package org.mopr.ledger.projection.section;

import java.time.LocalDate;

/**
 * Membership of a scope as of a day: the sum, over the sections in existence that day, of each one's last point
 * on or before it. {@code sectionsWithoutFigure} existed but had no point yet; the census and interpolated parts
 * say how much of the total rests on sources and how much on models.
 */
public record ScopeMembership(String scope, LocalDate date, long members, int sectionsCounted,
                              int sectionsWithoutFigure, long censusMembers, long interpolatedMembers) {
}
