package org.mopr.ledger.simulation.scenario;

/**
 * A scenario's text and where it came from, kept so that later checks can point at the line at fault and
 * the run registry can store exactly what was run.
 */
public record ScenarioSource(String file, String text) {

    /** The first line that contains the needle, or 0 when none does. */
    public int lineOf(String needle) {
        if (needle == null || needle.isEmpty()) {
            return 0;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        return 0;
    }

    public ScenarioException error(String needle, String problem) {
        return new ScenarioException(file, lineOf(needle), problem);
    }

    /** The line of the first needle found, trying them in order (most specific first). */
    public ScenarioException errorAt(String problem, String... needles) {
        for (String needle : needles) {
            int line = lineOf(needle);
            if (line > 0) {
                return new ScenarioException(file, line, problem);
            }
        }
        return new ScenarioException(file, 0, problem);
    }
}
