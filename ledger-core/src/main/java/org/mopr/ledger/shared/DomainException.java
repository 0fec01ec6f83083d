package org.mopr.ledger.shared;

/**
 * A rule of the domain was broken. The message always names what is at fault (the section, the amount,
 * the currency or the date) because it is shown to the analyst who wrote the scenario.
 */
public class DomainException extends RuntimeException {
    public DomainException(String message) {
        super(message);
    }
}
