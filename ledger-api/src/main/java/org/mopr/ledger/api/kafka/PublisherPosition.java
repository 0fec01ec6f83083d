package org.mopr.ledger.api.kafka;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.OptionalLong;
import java.util.Set;

/**
 * Where the publisher is: the last global index up to which every event is acknowledged by the broker (or is a
 * hole passed for good), kept in Axon's token table under the name the Axon processor that published before had,
 * {@value #NAME}, segment 0. So its position survives the change of publisher, the tooling that reads or deletes
 * that row (KAFKA.md: deleting it republishes everything) keeps working, and the token's claim keeps two
 * application instances from publishing at once. It is written as a gap-aware token without gaps, which Axon's
 * processor would read too. Every call runs in a transaction of its own.
 */
final class PublisherPosition {

    static final String NAME = "kafka-publisher";
    private static final int SEGMENT = 0;

    private final TokenStore tokens;
    private final TransactionTemplate transactions;

    PublisherPosition(TokenStore tokens, TransactionTemplate transactions) {
        this.tokens = tokens;
        this.transactions = transactions;
    }

    /**
     * Claims the position for this node (failing while another holds it) and returns it; empty when nothing was
     * ever published. A token of the Axon processor with gaps resumes below its first gap: those events and the
     * ones after them are sent again, and consumers drop what they already have.
     */
    OptionalLong claim() {
        TrackingToken token = transactions.execute(status -> {
            if (tokens.fetchSegments(NAME).length == 0) {
                tokens.initializeTokenSegments(NAME, 1, null);
            }
            return tokens.fetchToken(NAME, SEGMENT);
        });
        TrackingToken lower = WrappedToken.unwrapLowerBound(token);
        if (lower == null) {
            return OptionalLong.empty();
        }
        if (!(lower instanceof GapAwareTrackingToken gapAware)) {
            throw new IllegalStateException("token " + NAME + " is a " + lower.getClass().getSimpleName()
                    + ", not the event table's position; delete it to publish every event again");
        }
        return OptionalLong.of(gapAware.getGaps().isEmpty() ? gapAware.getIndex() : gapAware.getGaps().first() - 1);
    }

    /** Stores {@code position}, which also renews the claim; fails if another node took the claim. */
    void store(long position) {
        transactions.executeWithoutResult(status ->
                tokens.storeToken(GapAwareTrackingToken.newInstance(position, Set.of()), NAME, SEGMENT));
    }

    void extendClaim() {
        transactions.executeWithoutResult(status -> tokens.extendClaim(NAME, SEGMENT));
    }

    void release() {
        transactions.executeWithoutResult(status -> tokens.releaseClaim(NAME, SEGMENT));
    }
}
