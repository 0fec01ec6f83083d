package org.mopr.ledger.api.ensemble;

import org.mopr.ledger.projection.ensemble.EnsembleStore;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * The ensemble's rows of members done, written a few at a time rather than as two autocommitted statements per
 * member: each commit is a WAL flush the writers' commits wait behind (ledger-api/BENCHMARK.md, "Ensembles"). At
 * most {@link #MAX_HELD} rows are held, and they are written with the first member done {@link #MAX_HELD_NANOS} or
 * more after the oldest of them, so a reader following a running ensemble sees its members soon after they finish;
 * whatever is held when the ensemble ends goes in its final transaction.
 */
final class MemberRows {

    static final int MAX_HELD = 16;
    static final long MAX_HELD_NANOS = 1_000_000_000L;

    private final EnsembleStore store;
    private final TransactionTemplate transactions;
    private final String id;
    private final List<EnsembleStore.MemberRow> held = new ArrayList<>();
    private long oldest;

    MemberRows(EnsembleStore store, TransactionTemplate transactions, String id) {
        this.store = store;
        this.transactions = transactions;
        this.id = id;
    }

    void add(EnsembleStore.MemberRow row) {
        if (held.isEmpty()) {
            oldest = System.nanoTime();
        }
        held.add(row);
        if (held.size() >= MAX_HELD || System.nanoTime() - oldest >= MAX_HELD_NANOS) {
            transactions.executeWithoutResult(t -> writeHeld());
        }
    }

    /** Writes what is held in the caller's transaction. */
    void writeHeld() {
        store.members(id, held);
        held.clear();
    }
}
