package org.mopr.ledger.api.store;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The store's settings ({@code mopr.store.*}), each default written only here.
 *
 * @param healthTimeout /actuator/health says DOWN when the database has not answered within this, so a probe with a
 *                      timeout of a second hears something while the pool still waits for a connection
 * @param poolSize      connections of the embedded store's pool (a --db URL's pool takes spring.datasource.hikari.*)
 */
@ConfigurationProperties("mopr.store")
@Validated
public record StoreProperties(@DefaultValue("PT0.8S") @DurationMin(millis = 1) @DurationMax(seconds = 60) Duration healthTimeout,
                              @DefaultValue("8") @Min(1) @Max(100) int poolSize) {
}
