package org.mopr.ledger.simulation.run;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.mopr.ledger.section.CollectDues;
import org.mopr.ledger.shared.DomainException;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

/**
 * Sends several commands in one unit of work and one database transaction. The aggregates still check
 * every command; the events of the whole batch are appended together when the outer unit commits, which
 * is what lets the ledger keep up with plain JDBC batch inserts. Consecutive commands to one aggregate go as one
 * batch command ({@link CommandGroups}): a run of one-event commands (a scenario's section-level record) otherwise
 * pays Axon's dispatch, interceptors and aggregate lookup once per event.
 */
public final class CommandBatcher {

    /** Beyond this a transaction holds too many locks and too much memory for one failure to undo cheaply. */
    public static final int MAX_COMMANDS_PER_TRANSACTION = 1_000;

    private final CommandBus commandBus;
    private final TransactionManager transactionManager;
    private final Runnable onRollback;

    /**
     * @param onRollback evicts cached aggregates: commands that succeeded inside a batch that is rolled back
     *                   have changed cached state that never reached the store
     */
    public CommandBatcher(CommandBus commandBus, TransactionManager transactionManager, Runnable onRollback) {
        this.commandBus = commandBus;
        this.transactionManager = transactionManager;
        this.onRollback = onRollback;
    }

    /** The events a command will apply, as far as the sender can tell: a dues command's lines, else one. */
    public static int eventsOf(Object command) {
        return command instanceof CollectDues dues ? dues.lines().size() : 1;
    }

    /**
     * Sends all commands or none: the first rejection rolls the whole batch back and is rethrown; a command refused
     * inside a batch command says so after its own message, with its place among the commands sent together.
     */
    public void sendAll(List<?> commands) {
        if (commands.size() > MAX_COMMANDS_PER_TRANSACTION) {
            throw new IllegalArgumentException("at most " + MAX_COMMANDS_PER_TRANSACTION
                    + " commands per transaction, got " + commands.size());
        }
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        unit.attachTransaction(transactionManager);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try {
            for (Object command : CommandGroups.gather(commands)) {
                commandBus.dispatch(asCommandMessage(command), (message, result) -> {
                    if (result.isExceptional()) {
                        failure.compareAndSet(null, unwrap(result));
                    }
                });
                if (failure.get() != null) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
        if (failure.get() != null) {
            unit.rollback(failure.get());
            onRollback.run();
            Throwable cause = failure.get();
            throw cause instanceof RuntimeException r ? r : new DomainException(cause.getMessage());
        }
        try {
            unit.commit();
        } catch (RuntimeException e) {
            onRollback.run();
            throw e;
        }
    }

    private static Throwable unwrap(CommandResultMessage<?> result) {
        Throwable t = result.exceptionResult();
        while (t.getCause() != null && !(t instanceof DomainException)) {
            t = t.getCause();
        }
        return t instanceof DomainException ? t : result.exceptionResult();
    }
}
