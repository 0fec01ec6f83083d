package org.mopr.ledger.api.projection;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectionSettingsTest {

    @Test
    void settingsOutsideTheirBoundsAreRefusedByName() {
        Duration s = Duration.ofSeconds(1);
        new ProjectionSettings(1000, 1, 5000, s, s);
        assertThatThrownBy(() -> new ProjectionSettings(0, 1, 5000, s, s))
                .hasMessage("mopr.projection.batch-size must be between 1 and 10000, got 0");
        assertThatThrownBy(() -> new ProjectionSettings(1000, 17, 5000, s, s))
                .hasMessage("mopr.projection.segments must be between 1 and 16, got 17");
        assertThatThrownBy(() -> new ProjectionSettings(1000, 1, 50_001, s, s))
                .hasMessage("mopr.projection.replay.batch-size must be between 1 and 50000, got 50001");
        assertThatThrownBy(() -> new ProjectionSettings(1000, 1, 5000, s, Duration.ZERO))
                .hasMessageContaining("catch-up-timeout must be a positive duration");
    }
}
