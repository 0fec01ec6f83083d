package org.mopr.ledger.api.kafka;

import io.micrometer.core.instrument.Counter;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.OptionalLong;

/**
 * Publishes every stored event to Kafka: one thread reads the event table in pages by global index
 * ({@link EventTable}) and sends each event's stored bytes with its headers, the provenance ones read from the
 * JSON without deserializing the event ({@link ProvenanceReader}). It replaced an Axon tracking processor, whose
 * unit of work, interceptors, metrics, correlation data and per-event deserialization took more than half of the
 * publishing thread's time (BENCHMARK.md, Kafka).
 *
 * <p>Guarantees, as before: at least once. Up to {@code max-in-flight-batches} pages are sent before the first is
 * acknowledged; a page's acknowledgements are checked in the order the pages were sent, and only when every
 * record of a page is acknowledged is the {@link PublisherHook} called and the position moved past it
 * ({@link PublisherPosition}). A failure anywhere drops the producer and everything in flight, and the thread
 * starts again from the stored position after a back-off: what was acknowledged but not yet stored is sent
 * twice, and consumers drop the copies by the global index header. Events go out in global index order, never
 * past a hole that may still fill ({@link Holes}).
 */
public class KafkaEventPublisher implements SmartLifecycle {

    /** The name of its position in the token table, as of the Axon processor before it. */
    public static final String NAME = PublisherPosition.NAME;

    private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);
    /** The pause when there is nothing new to send, or only events behind a hole. */
    private static final long IDLE_MILLIS = 20;
    /** The first and the longest pause after a failure before publishing again from the stored position. */
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** How often a publisher with nothing acknowledged renews its claim (JdbcTokenStore's expires after 10 s). */
    private static final long CLAIM_RENEWAL_NANOS = Duration.ofSeconds(2).toNanos();
    /** How long a stop waits for the pages in flight, so that their acknowledgements are stored. */
    private static final Duration STOP_DRAIN = Duration.ofSeconds(5);

    private final PublisherProducer producer;
    private final TopicCreator topicCreator;
    private final EventTable table;
    private final ProvenanceReader provenance;
    private final PublisherPosition position;
    private final String topic;
    private final PublisherSettings settings;
    private final PublisherHook hook;
    private final Counter published;
    private final Holes holes;

    private volatile boolean running;
    private volatile long committed = -1;
    private volatile Exception failure;
    private Thread thread;
    private Duration backoff = FIRST_BACKOFF;
    private long claimRenewed;

    KafkaEventPublisher(PublisherProducer producer, TopicCreator topicCreator, EventTable table,
                        ProvenanceReader provenance, PublisherPosition position, String topic,
                        PublisherSettings settings, PublisherHook hook, Counter published) {
        this.producer = producer;
        this.topicCreator = topicCreator;
        this.table = table;
        this.provenance = provenance;
        this.position = position;
        this.topic = topic;
        this.settings = settings;
        this.hook = hook;
        this.published = published;
        this.holes = new Holes(settings.gapTimeout());
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        failure = null;
        thread = new Thread(this::run, "kafka-publisher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops after the pages in flight are acknowledged (at most {@link #STOP_DRAIN}) and releases the claim. */
    @Override
    public synchronized void stop() {
        running = false;
        if (thread == null) {
            return;
        }
        try {
            // A send can block for the producer's max.block.ms while the broker is away: then it is interrupted.
            thread.join(STOP_DRAIN.toMillis() + 5_000);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The last global index up to which every event is acknowledged and stored; empty before the first page. */
    public OptionalLong position() {
        long at = committed;
        return at < 0 ? OptionalLong.empty() : OptionalLong.of(at);
    }

    /** The failure the publisher is backing off from, or null once a page was acknowledged after it. */
    public Exception failure() {
        return failure;
    }

    private void run() {
        while (running) {
            try {
                publish();
            } catch (Exception e) {
                failure = e;
                producer.discardCurrent();
                if (!running) {
                    log.warn("publishing to {} failed while stopping; resuming after {} at the next start", topic,
                            committed, e);
                    break;
                }
                log.warn("publishing to {} failed; publishing again after {} in {}", topic, committed, backoff, e);
                pause(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } finally {
                releaseClaim();
            }
        }
    }

    /** Publishes from the stored position until stopped; throws on any failure. */
    private void publish() throws Exception {
        OptionalLong stored = position.claim();
        claimRenewed = System.nanoTime();
        committed = stored.orElse(-1);
        // Nothing ever published: the first event in the table is where publishing starts.
        long sent = stored.orElse(Long.MIN_VALUE);
        Producer<String, byte[]> current = null;
        ArrayDeque<SentPage> inFlight = new ArrayDeque<>();
        // One page at a time until the broker has acknowledged one: on a topic created a moment ago the partitions'
        // leaders are not ready yet, and several pages in flight then met NOT_LEADER answers and an idempotent
        // producer stuck on OutOfOrderSequence until the ack timeout (seen in ContainerWorkerTest's set-up).
        int window = 1;
        while (running) {
            if (storeAcknowledged(inFlight) > 0) {
                window = settings.maxInFlightBatches();
            }
            if (inFlight.size() >= window) {
                inFlight.peekFirst().await(IDLE_MILLIS);
                continue;
            }
            List<EventRecords.EventRow> rows = table.after(sent == Long.MIN_VALUE ? -1 : sent, settings.batchSize());
            if (sent == Long.MIN_VALUE && !rows.isEmpty()) {
                sent = rows.get(0).globalIndex() - 1;
            }
            int publishable = rows.isEmpty() ? 0
                    : holes.publishable(sent, rows.stream().map(EventRecords.EventRow::globalIndex).toList(), System.nanoTime());
            if (publishable == 0) {
                if (!rows.isEmpty()) {
                    log.debug("waiting after {} for holes {} to fill", sent, holes.lastSeen());
                }
                idle(inFlight);
                continue;
            }
            if (current == null) {
                // Only once there is something to send, as the Axon processor did: an application started with
                // the publisher on but nothing to publish (bench, before it creates its topics) touches no topic.
                topicCreator.ensure();
                current = producer.get();
            }
            SentPage page = new SentPage(publishable);
            for (int i = 0; i < publishable; i++) {
                EventRecords.EventRow row = rows.get(i);
                page.add(row.globalIndex());
                current.send(EventRecords.toRecord(topic, row, headers(row)), page);
            }
            sent = page.last();
            inFlight.addLast(page);
        }
        drain(inFlight);
    }

    /**
     * Stores the position past every page at the front whose records are all acknowledged; fails on a page the
     * broker refused or did not answer within the ack timeout. Returns how many pages it stored.
     */
    private int storeAcknowledged(ArrayDeque<SentPage> inFlight) {
        int stored = 0;
        while (!inFlight.isEmpty()) {
            SentPage page = inFlight.peekFirst();
            if (!page.isDone()) {
                if (System.nanoTime() - page.sentAt() > settings.ackTimeout().toNanos()) {
                    throw new IllegalStateException("Kafka did not acknowledge a batch for " + topic + " within "
                            + settings.ackTimeout());
                }
                break;
            }
            if (page.failure() != null) {
                throw new IllegalStateException("Kafka did not accept an event for " + topic + ": " + page.failure(),
                        page.failure());
            }
            hook.acknowledged(page.globalIndexes());
            position.store(page.last());
            inFlight.pollFirst();
            claimRenewed = System.nanoTime();
            committed = page.last();
            published.increment(page.size());
            failure = null;
            backoff = FIRST_BACKOFF;
            stored++;
        }
        if (System.nanoTime() - claimRenewed > CLAIM_RENEWAL_NANOS) {
            position.extendClaim();
            claimRenewed = System.nanoTime();
        }
        return stored;
    }

    private void idle(ArrayDeque<SentPage> inFlight) throws InterruptedException {
        if (inFlight.isEmpty()) {
            pause(IDLE_MILLIS);
        } else {
            inFlight.peekFirst().await(IDLE_MILLIS);
        }
    }

    /** On stop: what is acknowledged within {@link #STOP_DRAIN} is stored; the rest is sent again at the next start. */
    private void drain(ArrayDeque<SentPage> inFlight) throws InterruptedException {
        long deadline = System.nanoTime() + STOP_DRAIN.toNanos();
        while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
            inFlight.peekFirst().await(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            storeAcknowledged(inFlight);
        }
    }

    private ProvenanceHeaders headers(EventRecords.EventRow row) {
        try {
            return provenance.read(row.payloadType(), row.payload());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("event #" + row.globalIndex() + " (" + row.payloadType()
                    + "): its provenance cannot be read from the stored JSON: " + e.getMessage(), e);
        }
    }

    private void releaseClaim() {
        try {
            position.release();
        } catch (RuntimeException e) {
            // It expires on its own (the token store's claim timeout); only a restart within it has to wait.
            log.warn("could not release the claim on the publisher's position: {}", e.toString());
        }
    }

    private void pause(long millis) {
        long until = System.nanoTime() + millis * 1_000_000;
        try {
            while (running && System.nanoTime() < until) {
                Thread.sleep(Math.min(IDLE_MILLIS, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
