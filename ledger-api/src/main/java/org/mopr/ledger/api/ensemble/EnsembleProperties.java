package org.mopr.ledger.api.ensemble;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How an ensemble sends its members ({@code mopr.ensemble.*}; ledger-api/BENCHMARK.md has the measurements):
 * {@code writers} members at once, each member's commands in transactions of at most {@code commandsPerTransaction}
 * commands, cut early once they carry {@code eventsPerTransaction} events, as a large run's are. Defaults only here.
 */
@ConfigurationProperties("mopr.ensemble")
@Validated
public record EnsembleProperties(@DefaultValue("2") @Min(1) @Max(8) int writers,
                                 @DefaultValue("1000") @Min(1) @Max(1_000) int commandsPerTransaction,
                                 @DefaultValue("2000") @Min(1) @Max(100_000) int eventsPerTransaction) {
}
