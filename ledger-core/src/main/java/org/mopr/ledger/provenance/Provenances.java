package org.mopr.ledger.provenance;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * Reads the provenance of any event: for projections, Kafka headers and reports alike. Every event of ledger-core is a record with a
 * {@code provenance} component; reading it by reflection (resolved once per class) means an event type added
 * later is still published with its origin instead of without one.
 */
public final class Provenances {

    private static final ClassValue<Method> ACCESSOR = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return null;
            }
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals("provenance") && component.getType() == Provenance.class) {
                    Method accessor = component.getAccessor();
                    accessor.setAccessible(true);
                    return accessor;
                }
            }
            return null;
        }
    };

    private Provenances() {
    }

    /** The payload's provenance, or null for an event that states none. */
    public static Provenance of(Object payload) {
        Method accessor = ACCESSOR.get(payload.getClass());
        if (accessor == null) {
            return null;
        }
        try {
            return (Provenance) accessor.invoke(payload);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the provenance of " + payload.getClass().getSimpleName(), e);
        }
    }
}
