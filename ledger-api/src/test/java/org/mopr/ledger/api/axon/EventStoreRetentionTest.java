package org.mopr.ledger.api.axon;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.LedgerContexts;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.section.CollectDues;
import org.mopr.ledger.section.DuesLine;
import org.mopr.ledger.section.FoundSection;
import org.mopr.ledger.section.SectionId;
import org.mopr.ledger.testsupport.TestPostgres;
import org.mopr.ledger.time.HistoricalDate;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.ref.WeakReference;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events a stream has read past are not kept in memory by the store, whatever other streams do. With Axon's shared
 * list of recent events (the store as configured before) this test kept 10,000 of the 29,999 events (the list's
 * length), and more while the store's reading thread was in a long read (AxonConfiguration says why); a stream
 * left open without being closed held its place in that list too. The bound asserted is one read of the JDBC engine
 * (the page the reading stream holds), after 30,000 events stored past a forgotten stream.
 */
class EventStoreRetentionTest {

    private static final Provenance DOC = Provenance.documented("claim.test.retention");
    private static final int COMMANDS = 30;
    private static final int LINES = 1_000;

    @Test
    void aStreamLeftOpenDoesNotKeepTheEventsStoredAfterIt() throws InterruptedException {
        String db = TestPostgres.freshDatabase("retention");
        // No live processor: the test's own streams are the store's only readers.
        try (ConfigurableApplicationContext context = LedgerContexts.start(db, "--mopr.projection.processor.enabled=false")) {
            CommandGateway commands = context.getBean(CommandGateway.class);
            EventStore store = context.getBean(EventStore.class);
            SectionId section = SectionId.of("retention", "SU");
            commands.sendAndWait(new FoundSection(section, "section SU", HistoricalDate.year(1922),
                    LocalDate.of(1922, 12, 1), Set.of(Currency.USD), DOC));

            // A stream that reads to the head, where the store hands it to its shared list as it does a processor
            // that has caught up, reads one event from there, and is then forgotten without being closed.
            BlockingStream<TrackedEventMessage<?>> forgotten = store.openStream(null);
            forgotten.nextAvailable();
            assertThat(forgotten.hasNextAvailable(50, TimeUnit.MILLISECONDS)).isFalse();
            commands.sendAndWait(new CollectDues(section, lines(0), DOC));
            TrackedEventMessage<?> last = forgotten.nextAvailable();

            // A stream reading on from there, as the events of the next commands are stored.
            BlockingStream<TrackedEventMessage<?>> reader = store.openStream(last.trackingToken());
            long expected = (long) COMMANDS * LINES - 1;
            List<WeakReference<TrackedEventMessage<?>>> read = new ArrayList<>();
            for (int c = 1; c <= COMMANDS; c++) {
                if (c < COMMANDS) {
                    commands.sendAndWait(new CollectDues(section, lines(c), DOC));
                }
                while (read.size() < expected && reader.hasNextAvailable(c < COMMANDS ? 0 : 5_000, TimeUnit.MILLISECONDS)) {
                    read.add(new WeakReference<>(reader.nextAvailable()));
                }
            }
            assertThat(read).hasSize((int) expected);

            long kept = kept(read);
            // At most the JDBC engine's last page, which the reader's iterator still holds.
            assertThat(kept).as("events still in memory of %,d read", read.size())
                    .isLessThanOrEqualTo(AxonConfiguration.STREAM_BATCH);
            // Both streams are still open (and reachable) while the events are counted.
            assertThat(forgotten).isNotNull();
            reader.close();
        }
    }

    private static List<DuesLine> lines(int command) {
        List<DuesLine> lines = new ArrayList<>(LINES);
        for (int i = 0; i < LINES; i++) {
            lines.add(new DuesLine(LocalDate.of(1924, 1 + i % 12, 1 + i % 28), "payer-" + command + "-" + i,
                    Money.of(100L + i, "USD")));
        }
        return lines;
    }

    /** How many of the events are still reachable after full collections. */
    private static long kept(List<WeakReference<TrackedEventMessage<?>>> read) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return read.stream().filter(r -> r.get() != null).count();
    }
}
