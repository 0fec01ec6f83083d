package org.mopr.ledger.section;

import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.time.HistoricalDate;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/** The German section of the tests: founded in 1924 (placed on MOPR Day), keeping Reichsmarks and dollars. */
final class SectionHistory {

    static final SectionId DE = SectionId.of("hist", "DE");
    static final Provenance DOC = Provenance.documented("claim-de-1");
    static final LocalDate FOUNDED_ON = LocalDate.of(1924, 3, 18);
    static final LocalDate DAY = LocalDate.of(1925, 6, 1);
    static final LocalDate DISSOLVED_ON = LocalDate.of(1933, 3, 1);

    static final SectionFounded FOUNDED = new SectionFounded(DE, "Rote Hilfe Deutschlands", HistoricalDate.year(1924),
            FOUNDED_ON, new TreeSet<>(Set.of(Currency.of("DEM"), Currency.USD)), DOC);
    static final SectionDissolved BANNED = new SectionDissolved(DE, DISSOLVED_ON, DissolutionReason.BANNED, DOC);

    private SectionHistory() {
    }

    static Money dem(long minor) {
        return Money.of(minor, "DEM");
    }

    static Money usd(long minor) {
        return Money.of(minor, "USD");
    }

    static DuesCollected dues(Money amount) {
        return new DuesCollected(DE, LocalDate.of(1925, 1, 31), "cell 12", amount, DOC);
    }
}
