package org.mopr.ledger.projection.reconciliation;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a run says, in the few shapes the assertions need. {@link StoredRunFacts} reads a stored run's projections;
 * {@link FoldedRunFacts} folds a compiled plan in memory, so a held-out run is checked without writing anything.
 * Both answer the same questions the same way, so the reconciliation cannot tell them apart.
 */
public interface RunFacts {

    record Census(Long members, Integer sections) {
    }

    record Conference(LocalDate placedOn, Long delegates, Map<String, Long> groups) {
    }

    record Rate(long numerator, long denominator, String citation, boolean assumption) {
    }

    String run();

    /** Aid sent over the months that the two days fall in, per currency. */
    Map<String, Long> aidByCurrency(LocalDate from, LocalDate to);

    /** Dues or donations of a section in a currency over the months the two days fall in. */
    long income(String section, String kind, String currency, LocalDate from, LocalDate to);

    /** The first month (its first day) in which the section booked income of the kind, if any. */
    Optional<LocalDate> firstIncome(String section, String kind);

    /** The first month (its first day) in which any aid was sent, if any. */
    Optional<LocalDate> firstAid();

    /** The documented census within the days and scope, if the stream carries one. */
    Optional<Census> census(LocalDate from, LocalDate to, String scope);

    /** The first documented census of a section's members within the days, if the stream carries one. */
    Optional<Long> sectionCensus(String section, LocalDate from, LocalDate to);

    /** Sections founded on or before the day and not dissolved by it, without the Soviet one when asked. */
    long sectionsInExistence(LocalDate day, boolean outsideUssr);

    Optional<LocalDate> sectionPlaced(String code);

    Optional<LocalDate> organisationPlaced();

    Optional<LocalDate> governingBodyNamed(String newName);

    Optional<LocalDate> fundOpened(String key);

    Optional<Conference> conference(String key);

    boolean patronage(String cityKey, String country);

    boolean leader(String person);

    /** Goods of a commodity given to a section, in their unit. */
    Optional<Long> goods(String section, String commodity, String unit);

    /** The reason the run's scenario set a claim aside, if it did. */
    Optional<String> setAside(String claimId);

    /** The run's rate from one currency to another valid on a day; the first declared wins. */
    Optional<Rate> rate(String from, String to, LocalDate day);

    /**
     * For each event type and origin ("AidSent SIMULATED"), the claim ids named in the provenance of the run's events of that type (set-aside
     * events excepted: they name the claim they leave out). This is what the basis of a line is computed from.
     */
    Map<String, Set<String>> claimsByEventType();
}
