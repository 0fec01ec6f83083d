package org.mopr.ledger.simulation.compiler;

import org.mopr.ledger.shared.RunId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * Commands placed on the timeline. They are emitted in date order, then by stage (a section is founded
 * before its first dues on the same day), then in the order the rules added them: a total order that does not
 * depend on hash codes, so the same scenario and seed always give the same event log.
 */
public final class Plan {

    /** The historical record is thousands of commands; a compiled plan bigger than this is a runaway rule. */
    public static final int MAX_COMMANDS = 2_000_000;

    /** Within one day: the organisation and funds first, then sections, then money, then the rest. */
    public enum Stage { ORGANISATION, FUND, SECTION, CENSUS, INCOME, TRANSFER, AID, OTHER, DISSOLUTION }

    /** One planned command, or a batch of many made lazily (member-level dues), never held all at once. */
    private record Item(LocalDate date, Stage stage, long order, long count, Function<RunId, Iterator<Object>> commands) {
    }

    private final List<Item> items = new ArrayList<>();
    private long size;

    public void add(LocalDate date, Stage stage, Function<RunId, Object> command) {
        if (items.size() >= MAX_COMMANDS) {
            throw new IllegalStateException("a compiled plan holds at most " + MAX_COMMANDS + " commands");
        }
        items.add(new Item(date, stage, items.size(), 1, run -> List.of(command.apply(run)).iterator()));
        size++;
    }

    /** {@code count} commands made on demand, emitted together at their place on the timeline. */
    public void addLazily(LocalDate date, Stage stage, long count, Function<RunId, Iterator<Object>> commands) {
        items.add(new Item(date, stage, items.size(), count, commands));
        size += count;
    }

    public long size() {
        return size;
    }

    public Iterator<Object> commands(RunId run) {
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(Item::date).thenComparing(Item::stage).thenComparingLong(Item::order));
        Iterator<Item> it = sorted.iterator();
        return new Iterator<>() {
            private Iterator<Object> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && it.hasNext()) {
                    current = it.next().commands().apply(run);
                }
                return current.hasNext();
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return current.next();
            }
        };
    }
}
