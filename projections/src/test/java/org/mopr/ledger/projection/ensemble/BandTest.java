package org.mopr.ledger.projection.ensemble;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BandTest {

    @Test
    void quantilesInterpolateBetweenMembersAndRoundToAWholeMinorUnit() {
        Band b = Band.of(new long[]{40, 10, 30, 20});
        assertThat(b.min()).isEqualTo(10);
        assertThat(b.max()).isEqualTo(40);
        assertThat(b.p50()).isEqualTo(25);
        assertThat(b.p5()).isEqualTo(12);
        assertThat(b.p95()).isEqualTo(38);
        assertThat(b.holds(25)).isTrue();
        assertThat(b.holds(39)).isFalse();
    }

    @Test
    void membersValuesSurviveTheirCompactForm() {
        long[] values = new long[1_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = 3_842_769L + i * 17L - (i % 3 == 0 ? 5_000_000L : 0);
        }
        byte[] packed = EnsembleStore.pack(values);
        assertThat(EnsembleStore.unpack(packed)).containsExactly(values);
    }
}
