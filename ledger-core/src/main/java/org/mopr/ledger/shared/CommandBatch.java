package org.mopr.ledger.shared;

import java.util.List;

/**
 * Several consecutive commands to one aggregate sent as one command: the aggregate applies each element with the
 * element's own handler, in order, so every rule is checked per element exactly as if they had come one by one,
 * and a refused element refuses the whole batch (its unit of work rolls back). It exists for speed only: Axon's
 * work per command (the bus, the interceptors, the aggregate's load and the handler's lookup) is paid once for
 * the batch instead of once per command.
 */
public interface CommandBatch {

    /** A batch never holds more than one transaction's commands. */
    int MAX_COMMANDS = 1_000;

    /** The commands, in the order they were planned. */
    List<Object> commands();

    /** Checks the bounds when a batch is built: at least one command, at most {@link #MAX_COMMANDS}, none null. */
    static List<Object> require(Object target, List<?> commands) {
        if (commands == null || commands.isEmpty()) {
            throw new DomainException("commands sent together to " + target + ": at least one is needed");
        }
        if (commands.size() > MAX_COMMANDS) {
            throw new DomainException("commands sent together to " + target + ": at most " + MAX_COMMANDS
                    + ", got " + commands.size());
        }
        return List.copyOf(commands);
    }
}
