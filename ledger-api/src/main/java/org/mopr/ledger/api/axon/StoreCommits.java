package org.mopr.ledger.api.axon;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells whoever asked that a unit of work of this process has committed events to the store. The projection
 * processor's coordinator waits for new events between polls of the table; told here, it looks at once instead of at
 * its next poll, so a poll interval long enough to leave an idle database alone does not delay what this process
 * stores. Events stored by another process are seen at the next poll.
 */
public final class StoreCommits {

    /** One listener per processor coordinator; more means listeners are added and never removed. */
    static final int MAX_LISTENERS = 16;

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public void onCommit(Runnable listener) {
        if (listeners.size() >= MAX_LISTENERS) {
            throw new IllegalStateException("more than " + MAX_LISTENERS + " listeners to the store's commits");
        }
        listeners.add(listener);
    }

    public void remove(Runnable listener) {
        listeners.remove(listener);
    }

    /** Called on the committing thread, after the commit: listeners must only hand work to their own threads. */
    void committed() {
        for (Runnable listener : listeners) {
            listener.run();
        }
    }
}
