package org.mopr.ledger.shared;

/**
 * One element of a {@link CommandBatch} was refused; its message is the element's own refusal followed by where it
 * stood in the batch, and {@link #position()} tells metrics which elements were handled before it.
 */
public final class CommandRefusedInBatch extends DomainException {

    private final int position;
    private final String commandType;

    public CommandRefusedInBatch(String message, int position, String commandType) {
        super(message);
        this.position = position;
        this.commandType = commandType;
    }

    /** The refused element's index in the batch, from 0. */
    public int position() {
        return position;
    }

    /** The refused element's simple class name. */
    public String commandType() {
        return commandType;
    }
}
