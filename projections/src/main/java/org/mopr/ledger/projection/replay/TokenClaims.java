package org.mopr.ledger.projection.replay;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;

import java.util.Arrays;

/**
 * The replay's hold on the processor's tokens. Claiming every segment keeps a live processor (here or in another
 * JVM) from projecting while the replay rewrites the tables; the claims are kept alive by each batch and
 * released at the end, when the processor takes over. All calls run in the caller's transaction.
 */
final class TokenClaims {

    private final TokenStore tokenStore;
    private final String processor;
    private final int initialSegments;

    TokenClaims(TokenStore tokenStore, String processor, int initialSegments) {
        this.tokenStore = tokenStore;
        this.processor = processor;
        this.initialSegments = initialSegments;
    }

    String processor() {
        return processor;
    }

    /** Claims every segment (creating them if the processor never ran) and returns their current tokens. */
    SegmentTokens claimAll() {
        int[] ids = tokenStore.fetchSegments(processor);
        if (ids.length == 0) {
            tokenStore.initializeTokenSegments(processor, initialSegments, null);
            ids = tokenStore.fetchSegments(processor);
        }
        Segment[] segments = Segment.computeSegments(ids);
        GapAwareTrackingToken[] tokens = new GapAwareTrackingToken[segments.length];
        for (int i = 0; i < segments.length; i++) {
            tokens[i] = gapAware(tokenStore.fetchToken(processor, segments[i].getSegmentId()), segments[i]);
        }
        return new SegmentTokens(segments, tokens);
    }

    void store(SegmentTokens tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            tokenStore.storeToken(tokens.token(i), processor, tokens.segment(i).getSegmentId());
        }
    }

    void extend(SegmentTokens tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            tokenStore.extendClaim(processor, tokens.segment(i).getSegmentId());
        }
    }

    void release(SegmentTokens tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            tokenStore.releaseClaim(processor, tokens.segment(i).getSegmentId());
        }
    }

    /** The JDBC store's tokens are gap-aware; a replay token (from a reset) is read at its lower bound. */
    private GapAwareTrackingToken gapAware(TrackingToken token, Segment segment) {
        if (token == null) {
            return null;
        }
        TrackingToken lower = WrappedToken.unwrapLowerBound(token);
        if (lower == null || lower instanceof GapAwareTrackingToken) {
            return (GapAwareTrackingToken) lower;
        }
        throw new IllegalStateException("token of processor " + processor + " segment " + segment.getSegmentId()
                + " is a " + lower.getClass().getSimpleName() + "; the replay reads the JDBC event store, whose tokens "
                + "are GapAwareTrackingTokens (segments " + Arrays.toString(tokenStore.fetchSegments(processor)) + ")");
    }
}
