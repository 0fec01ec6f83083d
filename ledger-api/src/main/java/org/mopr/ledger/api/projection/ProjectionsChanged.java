package org.mopr.ledger.api.projection;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Said in this process whenever what a read can see may have changed: a projection batch, a replay's progress, a
 * run registered, finished, failed or deleted. The API's read cache drops what it kept; changes made by other
 * processes (Kafka workers, a replay from the command line) reach it only through the cache's time to live.
 */
public record ProjectionsChanged() {

    private static final ProjectionsChanged INSTANCE = new ProjectionsChanged();

    /** Says it now, or once the current transaction has committed: a reader must not see the news before the rows. */
    public static void announce(ApplicationEventPublisher publisher) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publisher.publishEvent(INSTANCE);
                }
            });
        } else {
            publisher.publishEvent(INSTANCE);
        }
    }

    /** For a caller that already knows its transaction has committed. */
    public static void announceNow(ApplicationEventPublisher publisher) {
        publisher.publishEvent(INSTANCE);
    }
}
