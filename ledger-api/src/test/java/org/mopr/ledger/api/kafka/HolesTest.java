package org.mopr.ledger.api.kafka;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The publisher's rule for holes in the global index, on a clock the test moves (nanoseconds). */
class HolesTest {

    private static final long SECOND = 1_000_000_000L;
    private final Holes holes = new Holes(Duration.ofSeconds(10));

    @Test
    void eventsInOrderWithoutHolesAreAllPublishable() {
        assertThat(holes.publishable(4, List.of(5L, 6L, 7L), 0)).isEqualTo(3);
    }

    @Test
    void publishingStopsAtTheFirstHoleUntilItFillsOrHasBeenSeenForTheTimeout() {
        // 6 is held by a transaction still open: 5 may go, 7 and 8 wait.
        assertThat(holes.publishable(4, List.of(5L, 7L, 8L), 0)).isEqualTo(1);
        assertThat(holes.publishable(5, List.of(7L, 8L), 9 * SECOND)).isZero();
        // Filled: everything goes.
        assertThat(holes.publishable(5, List.of(6L, 7L, 8L), 9 * SECOND + 1)).isEqualTo(3);
    }

    @Test
    void aHoleSeenForTheTimeoutIsPassedButAYoungerOneAfterItStillWaits() {
        assertThat(holes.publishable(0, List.of(3L, 4L), 0)).isZero();
        // 5 and 6 are missing too, first seen 4 s later.
        assertThat(holes.publishable(0, List.of(3L, 4L, 7L), 4 * SECOND)).isZero();
        assertThat(holes.publishable(0, List.of(3L, 4L, 7L), 10 * SECOND)).isEqualTo(2);
        assertThat(holes.publishable(4, List.of(7L), 13 * SECOND)).isZero();
        assertThat(holes.publishable(4, List.of(7L), 14 * SECOND)).isEqualTo(1);
    }

    @Test
    void theHolesOfOneRolledBackTransactionExpireTogetherNotOneAfterTheOther() {
        // 2..1001 rolled back: one range, seen once.
        assertThat(holes.publishable(1, List.of(1002L, 1003L), 0)).isZero();
        assertThat(holes.publishable(1, List.of(1002L, 1003L), 10 * SECOND)).isEqualTo(2);
    }

    @Test
    void aHoleThatPartlyFillsKeepsTheTimeOfItsFirstSighting() {
        assertThat(holes.publishable(0, List.of(1L, 5L), 0)).isEqualTo(1);
        // 3 committed: the holes 2 and 4 are what is left of 2..4, seen at 0.
        assertThat(holes.publishable(1, List.of(3L, 5L), 6 * SECOND)).isZero();
        assertThat(holes.lastSeen()).isEqualTo(Map.of(2L, 2L, 4L, 4L));
        assertThat(holes.publishable(1, List.of(3L, 5L), 10 * SECOND)).isEqualTo(2);
    }
}
