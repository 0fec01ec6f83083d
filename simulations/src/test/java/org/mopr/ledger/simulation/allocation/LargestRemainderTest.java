package org.mopr.ledger.simulation.allocation;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.shared.DomainException;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LargestRemainderTest {

    @Test
    void splitsTheDocumented1923DollarsOverNineMonthsToTheCent() {
        long[] parts = LargestRemainder.split(4_826_500, WeightModel.EVEN.weights(9, 0, 1));
        assertThat(Arrays.stream(parts).sum()).isEqualTo(4_826_500);
        // 4,826,500 / 9 = 536,277.7...: seven months get the extra cent, two do not.
        assertThat(parts).containsOnly(536_277, 536_278);
        assertThat(Arrays.stream(parts).filter(p -> p == 536_278).count()).isEqualTo(7);
    }

    @Property(tries = 300)
    void conservesEveryTotalUnderEveryModelAndSeed(@ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long total,
                                                  @ForAll @IntRange(min = 1, max = 400) int parts,
                                                  @ForAll long seed,
                                                  @ForAll @IntRange(min = 0, max = 300) int sigmaPercent) {
        for (WeightModel model : WeightModel.values()) {
            long[] split = LargestRemainder.split(total, model.weights(parts, sigmaPercent / 100.0, seed));
            assertThat(split).hasSize(parts);
            assertThat(Arrays.stream(split).sum()).isEqualTo(total);
            assertThat(Arrays.stream(split).min().orElse(0)).isGreaterThanOrEqualTo(0);
        }
    }

    @Property(tries = 100)
    void theSameSeedGivesTheSameSplit(@ForAll long seed, @ForAll @IntRange(min = 1, max = 50) int parts) {
        long[] a = LargestRemainder.split(123_456_789, WeightModel.SEEDED_LOGNORMAL.weights(parts, 0.5, seed));
        long[] b = LargestRemainder.split(123_456_789, WeightModel.SEEDED_LOGNORMAL.weights(parts, 0.5, seed));
        assertThat(a).containsExactly(b);
    }

    @Test
    void anotherSeedChangesTheSplitButNotTheTotal() {
        long[] a = LargestRemainder.split(300_000, WeightModel.SEEDED_LOGNORMAL.weights(9, 0.4, 1));
        long[] b = LargestRemainder.split(300_000, WeightModel.SEEDED_LOGNORMAL.weights(9, 0.4, 2));
        assertThat(a).isNotEqualTo(b);
        assertThat(Arrays.stream(a).sum()).isEqualTo(Arrays.stream(b).sum()).isEqualTo(300_000);
    }

    @Test
    void refusesNegativeTotalsAndBadWeights() {
        assertThatThrownBy(() -> LargestRemainder.split(-1, new long[]{1})).isInstanceOf(DomainException.class)
                .hasMessageContaining("negative total -1");
        assertThatThrownBy(() -> LargestRemainder.split(10, new long[]{0, 0})).hasMessageContaining("all be zero");
        assertThatThrownBy(() -> LargestRemainder.split(10, new long[]{1, -2})).hasMessageContaining("-2");
        assertThatThrownBy(() -> LargestRemainder.split(10, new long[0])).hasMessageContaining("1 to");
        assertThatThrownBy(() -> WeightModel.parse("dirichlet")).hasMessageContaining("unknown allocation model 'dirichlet'");
    }
}
