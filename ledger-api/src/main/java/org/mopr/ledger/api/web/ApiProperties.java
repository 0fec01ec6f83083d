package org.mopr.ledger.api.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The HTTP API's settings ({@code mopr.api.*}), each default written only here, bounds checked at start-up.
 *
 * @param token         the bearer token writes need; without one (the default) writes are disabled (403).
 *                      application.properties reads it from MOPR_API_TOKEN
 * @param maxBodyBytes  the largest request body: the only body is a run request of a few dozen bytes
 * @param maxQueryChars the longest query string: every query parameter is short
 * @param runWait       POST /api/runs answers 201 when the run finishes within this time, else 202 while it goes on
 * @param readCache     the in-memory cache of read answers
 */
@ConfigurationProperties("mopr.api")
@Validated
public record ApiProperties(String token,
                            @DefaultValue("16384") @Min(1) @Max(1_048_576) long maxBodyBytes,
                            @DefaultValue("2048") @Min(1) @Max(65_536) int maxQueryChars,
                            @DefaultValue("PT20S") @DurationMin(millis = 0) @DurationMax(minutes = 10) Duration runWait,
                            @DefaultValue @Valid ReadCache readCache) {

    /**
     * Answers of the read endpoints kept in memory: dropped whenever this process projects, replays, starts, finishes
     * or deletes a run, and kept at most {@code ttl}, which bounds how stale an answer can be when another process (a
     * Kafka worker, a replay from the command line) changed the projections. PT0S turns it off.
     */
    public record ReadCache(@DefaultValue("PT1S") @DurationMin(millis = 0) @DurationMax(hours = 1) Duration ttl,
                            @DefaultValue("32MB") DataSize maxSize,
                            @DefaultValue("1MB") DataSize maxEntrySize) {
    }
}
