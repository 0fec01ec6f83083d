package org.mopr.ledger.api.projection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The projections' settings ({@code mopr.projection.*}), each default written here and only here, bounds checked at
 * start-up with the key's name: a batch of events and its rows are held in memory until written, so a wrong setting
 * should stop the application, not slow it or exhaust it silently.
 *
 * @param batchSize events per unit of work of the live processor (one transaction with its token)
 * @param segments  segments of the processor when its tokens are first created
 * @param readWait  how long reconcile and compare wait for projections behind the store before refusing (exit 2)
 *                  rather than report on part of a run; the API answers such reads 503 at once (ProjectionReadiness)
 * @param paging    when the live processor hands a backlog to the bulk path's pages (LiveProjection)
 */
@ConfigurationProperties("mopr.projection")
@Validated
public record ProjectionProperties(@DefaultValue("1000") @Min(1) @Max(10_000) int batchSize,
                                   @DefaultValue("1") @Min(1) @Max(16) int segments,
                                   @DefaultValue("PT1M") @DurationMin(millis = 0) Duration readWait,
                                   @DefaultValue @Valid Replay replay,
                                   @DefaultValue @Valid Paging paging) {

    /**
     * @param enabled whether a backlog is paged at all (off: the processor follows every run event by event)
     * @param backlog events the processor may fall behind the store before it is stopped and the backlog paged; a
     *                page of the bulk path is 5,000 events, and a smaller backlog is the processor's to follow
     * @param idle    how long paging goes on finding nothing new before the processor takes over again: long enough
     *                that a run's pauses between transactions do not switch gears back and forth
     */
    public record Paging(@DefaultValue("true") boolean enabled,
                         @DefaultValue("5000") @Min(1) @Max(1_000_000_000) long backlog,
                         @DefaultValue("PT1S") @DurationMin(millis = 0) Duration idle) {
    }

    /**
     * @param batchSize      events per page (and transaction) of the bulk replay
     * @param claimWait      how long a replay waits for a stopped process's claim on the tokens to expire
     * @param catchUpTimeout how long a replay waits for the processor to reach the store's head after the handover
     * @param resumeOnStart  whether serve finishes a replay that was stopped half way, in the background (ReplayResumer)
     */
    public record Replay(@DefaultValue("5000") @Min(1) @Max(50_000) int batchSize,
                         @DefaultValue("PT30S") @DurationMin(millis = 0) Duration claimWait,
                         @DefaultValue("PT30M") @DurationMin(millis = 1) Duration catchUpTimeout,
                         @DefaultValue("true") boolean resumeOnStart) {
    }

    ProjectionSettings settings() {
        return new ProjectionSettings(batchSize, segments, replay.batchSize(), replay.claimWait(), replay.catchUpTimeout(),
                paging);
    }
}
