package org.mopr.ledger.simulation.ensemble;

import org.junit.jupiter.api.Test;
import org.mopr.ledger.shared.DomainException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VariationTest {

    @Test
    void wordsAreReadAndAnUnknownOneIsNamed() {
        assertThat(Variation.parse("seed, placement")).containsExactly(Variation.SEED, Variation.PLACEMENT);
        assertThatThrownBy(() -> Variation.parse("seed,moon")).isInstanceOf(DomainException.class)
                .hasMessage("unknown --vary word 'moon': use seed, placement, rates or ranges, separated by commas");
        assertThat(Variation.parse("ranges,seed")).containsExactly(Variation.SEED, Variation.RANGES);
        assertThatThrownBy(() -> Variation.parse(" ")).hasMessageStartingWith("--vary needs at least one");
    }
}
