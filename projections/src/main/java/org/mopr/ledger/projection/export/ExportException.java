package org.mopr.ledger.projection.export;

/** An export that could not be finished; its message names the cause, and nothing it began is left behind. */
public class ExportException extends RuntimeException {

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
