package org.mopr.ledger.projection.section;

import java.time.LocalDate;
import java.util.List;

/**
 * A section as projected: its founding date as the source wrote it (with precision and bounds) beside the day the
 * scenario placed it on, and its dissolution if any. {@code certainOn} answers, for the day a query asked about,
 * whether the section existed there whatever day its imprecise founding meant (null when no day was asked).
 */
public record SectionView(String code, String name, String foundedAsWritten, String foundedPrecision,
                          LocalDate foundedEarliest, LocalDate foundedLatest, LocalDate placedOn, String placement,
                          List<String> currencies, LocalDate dissolvedOn, String dissolutionReason, long foundedIndex,
                          Long dissolvedIndex, Boolean certainOn) {
}
