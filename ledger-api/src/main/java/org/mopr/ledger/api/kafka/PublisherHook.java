package org.mopr.ledger.api.kafka;

import java.util.List;

/**
 * Told when the broker has acknowledged a batch and before the publisher's token is committed: the one moment
 * at which a crash leaves published events that will be sent again. Tests fail here to prove the consumers
 * apply such events once; a bean of this type, when present, is called.
 */
@FunctionalInterface
public interface PublisherHook {

    PublisherHook NONE = globalIndexes -> { };

    void acknowledged(List<Long> globalIndexes);
}
