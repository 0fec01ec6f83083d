package org.mopr.ledger.simulation.run;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;

/**
 * The aggregate id a command targets, read from its {@code @TargetAggregateIdentifier} field. Axon's resolver looks
 * the field up on every call; a run asks once per command, so the lookup is kept per command type.
 */
public final class CommandTargets {

    private static final ClassValue<MethodHandle> GETTERS = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (field.isAnnotationPresent(TargetAggregateIdentifier.class)) {
                        try {
                            field.setAccessible(true);
                            return MethodHandles.lookup().unreflectGetter(field);
                        } catch (IllegalAccessException | RuntimeException e) {
                            throw new IllegalStateException("cannot read the target of " + type.getName(), e);
                        }
                    }
                }
            }
            return null;
        }
    };

    private CommandTargets() {
    }

    /** The command's target id (a SectionId, a FundId, ...), or null when its type names none. */
    public static Object of(Object command) {
        MethodHandle getter = GETTERS.get(command.getClass());
        if (getter == null) {
            return null;
        }
        try {
            return getter.invoke(command);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The target as Axon names the aggregate: the id's text. */
    public static String idOf(Object command) {
        Object target = of(command);
        if (target == null) {
            throw new IllegalArgumentException(command.getClass().getSimpleName() + " names no target aggregate");
        }
        return target.toString();
    }
}
