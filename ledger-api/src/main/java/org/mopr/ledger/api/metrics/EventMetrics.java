package org.mopr.ledger.api.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.mopr.ledger.provenance.Origin;
import org.mopr.ledger.provenance.LedgerEvent;
import org.mopr.ledger.provenance.Provenance;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * {@code mopr.events.appended{type, origin}}: events appended to the store, by event type and provenance origin
 * (DOCUMENTED, DERIVED, SIMULATED, ASSUMED). Counted by a dispatch interceptor on the event store, which sees each unit of
 * work's events once, as it prepares to commit them, and counts them only after the commit: a batch that is rolled
 * back was never appended. The interceptor returns each event unchanged.
 */
@Component
public class EventMetrics {

    public static final String NAME = "mopr.events.appended";

    /** Origins by ordinal, NONE last: an event record without provenance (none exists today) still counts. */
    private static final String[] ORIGINS = Stream.concat(Arrays.stream(Origin.values()).map(Enum::name), Stream.of("NONE"))
            .toArray(String[]::new);

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public EventMetrics(MeterRegistry registry, EventBus eventBus) {
        this.registry = registry;
        eventBus.registerDispatchInterceptor(new Interceptor());
    }

    private final class Interceptor implements MessageDispatchInterceptor<EventMessage<?>> {
        @Override
        public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
            // Counted per class and origin in arrays, not per event in a string-keyed map: a unit of work at
            // member-level scale carries hundreds of thousands of events and this runs on the append path.
            Map<Class<?>, long[]> counts = new HashMap<>();
            for (EventMessage<?> message : messages) {
                counts.computeIfAbsent(message.getPayloadType(), k -> new long[ORIGINS.length])[origin(message.getPayload())]++;
            }
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(u -> record(counts));
            } else {
                record(counts);
            }
            return (index, message) -> message;
        }
    }

    private void record(Map<Class<?>, long[]> counts) {
        counts.forEach((type, byOrigin) -> {
            for (int i = 0; i < ORIGINS.length; i++) {
                if (byOrigin[i] > 0) {
                    String origin = ORIGINS[i];
                    counters.computeIfAbsent(type.getSimpleName() + "|" + origin, k -> Counter.builder(NAME)
                            .description("events appended to the event store, by type and origin")
                            .tag("type", type.getSimpleName()).tag("origin", origin).register(registry))
                            .increment(byOrigin[i]);
                }
            }
        });
    }

    /** The position in {@link #ORIGINS} of the event's provenance origin. */
    static int origin(Object payload) {
        Provenance provenance = payload instanceof LedgerEvent event ? event.provenance() : null;
        return provenance == null || provenance.origin() == null ? ORIGINS.length - 1 : provenance.origin().ordinal();
    }
}
