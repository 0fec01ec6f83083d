package org.mopr.ledger.api.kafka;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The publisher's global indexes read off the tokens: exact where the tokens say it, a look-up (-1) elsewhere. */
class TokenIndexesTest {

    private static final int MAX_GAP_OFFSET = 10_000;

    /** The tokens a stream gives events of these indexes, in this order, from {@code start}. */
    private static List<TrackingToken> stream(GapAwareTrackingToken start, long... indexes) {
        List<TrackingToken> tokens = new ArrayList<>();
        GapAwareTrackingToken token = start;
        for (long index : indexes) {
            token = token.advanceTo(index, MAX_GAP_OFFSET);
            tokens.add(token);
        }
        return tokens;
    }

    private static List<Long> indexes(List<TrackingToken> tokens) {
        TokenIndexes reader = new TokenIndexes();
        return tokens.stream().map(reader::indexOf).toList();
    }

    @Test
    void eachEventAfterTheFirstGetsItsOwnIndexAndGapFillersTheGapTheyClose() {
        // 13 and 15 commit late: the stream first skips them (gaps), then delivers them after 17.
        GapAwareTrackingToken start = GapAwareTrackingToken.newInstance(10, List.of());
        List<TrackingToken> tokens = stream(start, 11, 12, 14, 16, 17, 15, 13, 18);

        assertThat(indexes(tokens)).containsExactly(-1L, 12L, 14L, 16L, 17L, 15L, 13L, 18L);
    }

    @Test
    void aFillerOfAGapOpenBeforeTheBatchIsFoundToo() {
        GapAwareTrackingToken start = GapAwareTrackingToken.newInstance(20, List.of(5L, 7L, 9L));
        List<TrackingToken> tokens = stream(start, 21, 7, 22, 9, 5);

        assertThat(indexes(tokens)).containsExactly(-1L, 7L, 22L, 9L, 5L);
    }

    @Test
    void tokensOfAReplayAreReadThroughTheirWrapper() {
        GapAwareTrackingToken start = GapAwareTrackingToken.newInstance(0, List.of());
        TrackingToken resetFrom = GapAwareTrackingToken.newInstance(100, List.of());
        List<TrackingToken> tokens = new ArrayList<>();
        TrackingToken replay = ReplayToken.createReplayToken(resetFrom, start);
        for (TrackingToken plain : stream(start, 1, 3, 2)) {
            // Still below the position of the reset: the processor hands out replay tokens throughout.
            replay = replay instanceof ReplayToken r ? r.advancedTo(plain) : plain;
            tokens.add(replay);
        }

        assertThat(indexes(tokens)).containsExactly(-1L, 3L, 2L);
    }

    @Test
    void whatTheTokensCannotSayIsLeftToTheLookUp() {
        TokenIndexes reader = new TokenIndexes();
        // Another kind of token, a missing one, the same token twice, gaps cut off while filling one.
        assertThat(reader.indexOf(new GlobalSequenceTrackingToken(5))).isEqualTo(-1);
        assertThat(reader.indexOf(null)).isEqualTo(-1);
        GapAwareTrackingToken a = GapAwareTrackingToken.newInstance(30, List.of(25L, 26L, 27L));
        assertThat(reader.indexOf(a)).isEqualTo(-1);
        assertThat(reader.indexOf(a)).isEqualTo(-1);
        assertThat(reader.indexOf(GapAwareTrackingToken.newInstance(30, List.of(27L)))).isEqualTo(-1);
        // Going back (a new batch of an older position) is not read as an index either.
        assertThat(reader.indexOf(GapAwareTrackingToken.newInstance(29, List.of()))).isEqualTo(-1);
    }
}
