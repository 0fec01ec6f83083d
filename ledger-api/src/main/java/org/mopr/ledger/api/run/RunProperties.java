package org.mopr.ledger.api.run;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a run sends its commands ({@code mopr.run.*}): whole commands in transactions of at most
 * {@code commandsPerTransaction}, cut early once they carry {@code eventsPerTransaction} events (a member-level dues
 * command carries up to 1,000); ledger-api/BENCHMARK.md has the measurements. Defaults written only here.
 */
@ConfigurationProperties("mopr.run")
@Validated
public record RunProperties(@DefaultValue("100") @Min(1) @Max(1_000) int commandsPerTransaction,
                            @DefaultValue("2000") @Min(1) @Max(100_000) int eventsPerTransaction) {
}
