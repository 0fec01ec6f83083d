package org.mopr.ledger.api.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.mopr.ledger.projection.engine.ProjectionEventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.mopr.ledger.projection.query.ProjectionProgress;
import org.mopr.ledger.projection.query.ProjectionQueries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * How far the projections are behind the store, read from the store itself so that any node (not only the one whose
 * processor holds the segments) reports the same: the head is the newest event's global index, the position is the
 * lowest token of the projection processor's segments in the token table, the lag is their difference. A replay
 * token (Axon's reset) or a running bulk replay (proj_replay) shows as replaying, with progress as the share of the
 * events up to its target that it has passed. Runs in the registry are counted by status.
 * Read at most once per {@link #MAX_AGE_MILLIS} however often Prometheus scrapes.
 */
@Component
public class ProjectionMetrics {

    static final long MAX_AGE_MILLIS = 2_000;
    private static final Logger log = LoggerFactory.getLogger(ProjectionMetrics.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> RUN_STATUSES = List.of("RUNNING", "COMPLETE", "FAILED");

    /** What one look at the store saw; NaN where it could not see. */
    record Snapshot(double head, double position, boolean replaying, double replayTarget, Map<String, Long> runs) {

        static final Snapshot UNKNOWN = new Snapshot(Double.NaN, Double.NaN, false, Double.NaN, Map.of());

        double lag() {
            return Double.isNaN(head) || Double.isNaN(position) ? Double.NaN : Math.max(0, head - position);
        }

        double progress() {
            if (!replaying) {
                return 1.0;
            }
            if (Double.isNaN(replayTarget) || replayTarget <= 0 || Double.isNaN(position)) {
                return 0.0;
            }
            return Math.min(1.0, Math.max(0, position) / replayTarget);
        }
    }

    private final JdbcTemplate jdbc;
    private final ProjectionProgress progress;
    private final String processor = ProjectionEventHandler.PROCESSING_GROUP;
    private volatile Snapshot snapshot = Snapshot.UNKNOWN;
    private volatile long takenAt;

    public ProjectionMetrics(JdbcTemplate jdbc, ProjectionQueries queries, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.progress = queries.progress();
        Gauge.builder("mopr.store.head", this, m -> m.current().head())
                .description("global index of the newest event in the store").register(registry);
        gauge(registry, "mopr.projection.position", "lowest global index the projection processor has reached",
                Snapshot::position);
        gauge(registry, "mopr.projection.lag", "events in the store the projections have not yet processed",
                Snapshot::lag);
        gauge(registry, "mopr.projection.replaying", "1 while the projections are being replayed, else 0",
                s -> s.replaying() ? 1 : 0);
        gauge(registry, "mopr.projection.replay.progress", "share of a replay done (1 when none is under way)",
                Snapshot::progress);
        for (String status : RUN_STATUSES) {
            Gauge.builder("mopr.runs", this, m -> m.current().runs().getOrDefault(status, 0L))
                    .description("scenario runs in the registry, by status").tag("status", status).register(registry);
        }
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Snapshot> value) {
        Gauge.builder(name, this, m -> value.applyAsDouble(m.current())).description(description)
                .tag("processor", processor).register(registry);
    }

    synchronized Snapshot current() {
        if (System.currentTimeMillis() - takenAt > MAX_AGE_MILLIS) {
            snapshot = take();
            takenAt = System.currentTimeMillis();
        }
        return snapshot;
    }

    private Snapshot take() {
        try {
            Long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
            double position = Double.NaN;
            boolean replaying = false;
            double target = Double.NaN;
            List<byte[]> tokens = new ArrayList<>();
            jdbc.query("SELECT token FROM tokenentry WHERE processorname = ?", rs -> {
                tokens.add(rs.getBytes(1));
            }, processor);
            for (byte[] token : tokens) {
                Token t = Token.parse(token);
                position = Double.isNaN(position) ? t.position() : Math.min(position, t.position());
                if (t.replayTarget() >= 0) {
                    replaying = true;
                    target = Double.isNaN(target) ? t.replayTarget() : Math.max(target, t.replayTarget());
                }
            }
            List<Long> bulk = progress.runningReplayPositions();
            if (!bulk.isEmpty()) {
                replaying = true;
                target = head == null ? Double.NaN : head;
                position = Math.min(Double.isNaN(position) ? Double.MAX_VALUE : position, bulk.get(0));
            }
            Map<String, Long> runs = new TreeMap<>();
            jdbc.query("SELECT status, count(*) FROM ledger_run GROUP BY status", rs -> {
                runs.put(rs.getString(1), rs.getLong(2));
            });
            return new Snapshot(head == null ? -1 : head, position, replaying, target, runs);
        } catch (RuntimeException e) {
            // A scrape must not fail because the database is briefly away; the gauges show NaN until it is back.
            log.debug("cannot read the projection state: {}", e.getMessage());
            return Snapshot.UNKNOWN;
        }
    }

    /**
     * A token as Axon's Jackson serializer writes it: a GapAwareTrackingToken {@code {"index":N}}, or a ReplayToken
     * {@code {"tokenAtReset":{...},"currentToken":{...}}} while replaying, or a merged token with two halves.
     */
    record Token(double position, double replayTarget) {

        static Token parse(byte[] bytes) {
            if (bytes == null) {
                return new Token(-1, -1);
            }
            try {
                return of(JSON.readTree(new String(bytes, StandardCharsets.UTF_8)));
            } catch (Exception e) {
                return new Token(Double.NaN, -1);
            }
        }

        private static Token of(JsonNode node) {
            if (node == null || node.isNull()) {
                return new Token(-1, -1);
            }
            if (node.has("tokenAtReset")) {
                Token current = of(node.get("currentToken"));
                Token reset = of(node.get("tokenAtReset"));
                return new Token(current.position(), reset.position());
            }
            if (node.has("lowerSegmentToken")) {
                Token lower = of(node.get("lowerSegmentToken"));
                Token upper = of(node.get("upperSegmentToken"));
                return new Token(Math.min(lower.position(), upper.position()),
                        Math.max(lower.replayTarget(), upper.replayTarget()));
            }
            if (node.has("index")) {
                return new Token(node.get("index").asDouble(), -1);
            }
            return new Token(Double.NaN, -1);
        }
    }
}
