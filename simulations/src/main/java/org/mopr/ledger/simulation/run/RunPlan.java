package org.mopr.ledger.simulation.run;

import org.mopr.ledger.shared.RunId;

import java.util.Iterator;
import java.util.function.Function;

/**
 * A compiled scenario ready to run: its commands are made for a given run id (every aggregate id carries
 * it) and streamed, so a member-level scenario of millions of commands never sits in memory.
 *
 * @param expectedCommands for the progress bar; exact for compiled plans
 */
public record RunPlan(String scenario, long seed, String scenarioText, long expectedCommands,
                      Function<RunId, Iterator<Object>> commands) {
}
