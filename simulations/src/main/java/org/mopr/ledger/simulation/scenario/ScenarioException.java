package org.mopr.ledger.simulation.scenario;

import org.mopr.ledger.shared.DomainException;

/** A scenario that cannot run: the message names the file, the line when known, and the problem. */
public class ScenarioException extends DomainException {

    public ScenarioException(String file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }
}
