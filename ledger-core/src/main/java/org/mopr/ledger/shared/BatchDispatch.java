package org.mopr.ledger.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * How an aggregate applies a {@link CommandBatch}: each element handed to the aggregate's own handler for its type,
 * in order, after checking that it is for this aggregate. An element of a type the aggregate does not handle, or for
 * another aggregate, is refused like a broken rule; a refused element's message says which element it was. Each
 * aggregate lists its handlers once, and a test holds that list to the aggregate's command handlers.
 *
 * @param <A> the aggregate
 */
public final class BatchDispatch<A> {

    private record Handler<A>(Function<Object, Object> target, BiConsumer<A, Object> handle) {
    }

    private final String aggregate;
    private final Map<Class<?>, Handler<A>> handlers;

    private BatchDispatch(String aggregate, Map<Class<?>, Handler<A>> handlers) {
        this.aggregate = aggregate;
        this.handlers = Map.copyOf(handlers);
    }

    /** @param aggregate what the aggregate is called in messages: "section", "fund" */
    public static <A> Builder<A> forAggregate(String aggregate) {
        return new Builder<>(aggregate);
    }

    /** The command types a batch may hold. */
    public Set<Class<?>> types() {
        return handlers.keySet();
    }

    /** Applies every element to {@code aggregate}, in order; the first refusal ends the batch. */
    public void handle(A aggregate, List<Object> commands, Object target) {
        int n = commands.size();
        for (int i = 0; i < n; i++) {
            Object command = commands.get(i);
            String type = command == null ? "null" : command.getClass().getSimpleName();
            Handler<A> handler = command == null ? null : handlers.get(command.getClass());
            if (handler == null) {
                throw new CommandRefusedInBatch("commands sent together to " + this.aggregate + " " + target
                        + ": command " + (i + 1) + " of " + n + " is a " + type + ", which a " + this.aggregate
                        + " does not handle", i, type);
            }
            Object own = handler.target().apply(command);
            if (!Objects.equals(own, target)) {
                throw new CommandRefusedInBatch("commands sent together to " + this.aggregate + " " + target
                        + ": command " + (i + 1) + " of " + n + " (" + type + ") is for " + own + ", not for it", i, type);
            }
            try {
                handler.handle().accept(aggregate, command);
            } catch (DomainException e) {
                throw new CommandRefusedInBatch(e.getMessage() + " (" + type + ", command " + (i + 1) + " of " + n
                        + " sent together: none of them is stored)", i, type);
            }
        }
    }

    public static final class Builder<A> {
        private final String aggregate;
        private final Map<Class<?>, Handler<A>> handlers = new LinkedHashMap<>();

        private Builder(String aggregate) {
            this.aggregate = aggregate;
        }

        /**
         * @param type    a command type the aggregate handles
         * @param target  the command's target aggregate id, as its {@code @TargetAggregateIdentifier} holds it
         * @param handler the aggregate's handler for it
         */
        @SuppressWarnings("unchecked")
        public <C> Builder<A> on(Class<C> type, Function<C, ?> target, BiConsumer<A, C> handler) {
            if (handlers.put(type, new Handler<>((Function<Object, Object>) target, (BiConsumer<A, Object>) handler)) != null) {
                throw new IllegalStateException(type.getSimpleName() + " is listed twice for a " + aggregate);
            }
            return this;
        }

        public BatchDispatch<A> build() {
            return new BatchDispatch<>(aggregate, handlers);
        }
    }
}
