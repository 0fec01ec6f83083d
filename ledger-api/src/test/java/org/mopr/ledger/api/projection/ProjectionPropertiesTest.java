package org.mopr.ledger.api.projection;

import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.store.StoreProperties;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings bind with their one default each, and a value outside its bounds stops the start naming the key. */
class ProjectionPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ProjectionProperties.class, StoreProperties.class})
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void withoutSettingsEveryDefaultComesFromTheRecords() {
        runner.run(context -> {
            ProjectionProperties p = context.getBean(ProjectionProperties.class);
            assertThat(p.settings()).isEqualTo(new ProjectionSettings(1000, 1, 5000, Duration.ofSeconds(30),
                    Duration.ofMinutes(30)));
            assertThat(p.readWait()).isEqualTo(Duration.ofMinutes(1));
            assertThat(p.replay().resumeOnStart()).isTrue();
            assertThat(context.getBean(StoreProperties.class)).isEqualTo(new StoreProperties(Duration.ofMillis(800), 8));
        });
    }

    @Test
    void aValueOutsideItsBoundsStopsTheStartNamingTheKey() {
        for (String[] bad : new String[][]{{"mopr.projection.batch-size=0", "batchSize"},
                {"mopr.projection.segments=17", "segments"}, {"mopr.projection.replay.batch-size=50001", "replay.batchSize"},
                {"mopr.projection.replay.catch-up-timeout=PT0S", "replay.catchUpTimeout"},
                {"mopr.projection.read-wait=-PT1S", "readWait"}, {"mopr.store.health-timeout=PT0S", "healthTimeout"},
                {"mopr.store.pool-size=0", "poolSize"}}) {
            runner.withPropertyValues(bad[0]).run(context -> assertThat(context).getFailure()
                    .as(bad[0]).rootCause().hasMessageContaining(bad[1]));
        }
    }
}
