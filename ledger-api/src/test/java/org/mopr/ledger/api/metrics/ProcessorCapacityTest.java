package org.mopr.ledger.api.metrics;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The capacity gauge over a clock the test moves: busy time per second, forgotten after the window. */
class ProcessorCapacityTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void capacityIsTheBusyShareOfTheWindowAndForgetsOldSeconds() {
        AtomicLong clock = new AtomicLong(1_000 * SECOND);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ProcessorCapacity capacity = new ProcessorCapacity("axon.processor", registry, Tags.of("processor", "p"), clock::get);
        // Four seconds, each busy half the time with two events of a quarter second.
        for (int s = 0; s < 4; s++) {
            for (int e = 0; e < 2; e++) {
                var callback = capacity.onMessageIngested(GenericEventMessage.asEventMessage("event"));
                clock.addAndGet(SECOND / 4);
                callback.reportSuccess();
            }
            clock.addAndGet(SECOND / 2);
        }
        double gauge = registry.get("axon.processor.capacity").tag("processor", "p").gauge().value();
        assertThat(gauge).isCloseTo(2.0 / ProcessorCapacity.WINDOW_SECONDS, within(1e-9));
        // A failed or ignored event was handled too.
        capacity.onMessageIngested(GenericEventMessage.asEventMessage("event")).reportFailure(new IllegalStateException());
        // A whole window later nothing of it is left, and a new second counts on its own.
        clock.addAndGet(ProcessorCapacity.WINDOW_SECONDS * SECOND);
        assertThat(capacity.value()).isZero();
        var callback = capacity.onMessageIngested(GenericEventMessage.asEventMessage("event"));
        clock.addAndGet(SECOND / 10);
        callback.reportIgnored();
        assertThat(capacity.value()).isCloseTo(0.1 / ProcessorCapacity.WINDOW_SECONDS, within(1e-9));
        assertThat(registry.find("axon.processor.capacity").gauges()).hasSize(1);
    }
}
