package org.mopr.ledger.api.projection;

import org.mopr.ledger.projection.replay.ReplayState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When the server starts on a store where a replay was stopped half way, it finishes that replay in the background
 * instead of serving the part-built rows for good; reads of what it rebuilds answer 503 with its progress meanwhile
 * (ProjectionReadiness). Only where this process's processor writes the projections, since the replay hands over to
 * it; a replay still running in another process keeps its claim, and this one gives up after the claim wait and says so.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "mopr.projection.processor.enabled", havingValue = "true", matchIfMissing = true)
public class ReplayResumer {

    private static final Logger log = LoggerFactory.getLogger(ReplayResumer.class);

    private final ReplayService replays;
    private final JdbcTemplate jdbc;

    private final boolean enabled;

    public ReplayResumer(ReplayService replays, JdbcTemplate jdbc, ProjectionProperties properties) {
        this.replays = replays;
        this.jdbc = jdbc;
        this.enabled = properties.replay().resumeOnStart();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void resumeUnfinishedReplay() {
        ReplayState replay = ReplayState.latest(jdbc);
        if (!enabled || !replay.running()) {
            return;
        }
        String run = replay.ofEveryRun() ? null : replay.scope();
        String what = run == null ? "every run" : "run " + run;
        log.info("an unfinished replay of {} stopped at #{}: resuming it", what, replay.position());
        Thread thread = new Thread(() -> {
            try {
                replays.replay(run, log::info);
            } catch (RuntimeException e) {
                log.warn("could not resume the replay of {} (its figures answer 503 until 'replay{}' finishes it): {}",
                        what, run == null ? "" : " --run " + run, e.getMessage());
            }
        }, "mopr-replay-resume");
        thread.setDaemon(true);
        thread.start();
    }
}
