package org.mopr.ledger.api.run;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The read-back's hashing thread sees every row once, in the order read, and a failure on it ends the reading. */
class ReadBackLaneTest {

    private static ReadBackLane.Row row(long i) {
        return new ReadBackLane.Row("r/fund/x", i, "T", new byte[]{(byte) i});
    }

    @Test
    void everyRowArrivesOnceInOrderWhateverTheChunks() {
        for (int rows : List.of(0, 1, ReadBackLane.CHUNK - 1, ReadBackLane.CHUNK, ReadBackLane.CHUNK * 9 + 17)) {
            List<Long> seen = new ArrayList<>();
            try (ReadBackLane lane = new ReadBackLane("test", r -> seen.add(r.sequence()))) {
                for (long i = 0; i < rows; i++) {
                    lane.add(row(i));
                }
                lane.finish();
            }
            assertThat(seen).hasSize(rows);
            for (int i = 0; i < rows; i++) {
                assertThat(seen.get(i)).isEqualTo(i);
            }
        }
    }

    @Test
    void aFailureOfTheConsumerStopsTheReaderWithIt() {
        AtomicBoolean thrown = new AtomicBoolean();
        try (ReadBackLane lane = new ReadBackLane("test", r -> {
            if (r.sequence() == 1_500) {
                thrown.set(true);
                throw new IllegalArgumentException("bad payload at 1500");
            }
        })) {
            assertThatThrownBy(() -> {
                for (long i = 0; i < 1_000_000; i++) {
                    lane.add(row(i));
                }
                lane.finish();
            }).isInstanceOf(IllegalArgumentException.class).hasMessage("bad payload at 1500");
        }
        assertThat(thrown).isTrue();
    }
}
