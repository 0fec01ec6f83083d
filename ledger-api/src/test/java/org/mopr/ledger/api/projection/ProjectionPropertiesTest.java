package org.mopr.ledger.api.projection;

import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.run.RunProperties;
import org.mopr.ledger.api.store.StoreProperties;
import org.mopr.ledger.api.web.ApiProperties;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** mopr.* settings bind with their one default each, and a value outside its bounds stops the start naming the key. */
class ProjectionPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ProjectionProperties.class, StoreProperties.class, ApiProperties.class,
            RunProperties.class})
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
                    Duration.ofMinutes(30), new ProjectionProperties.Paging(true, 5000, Duration.ofSeconds(1))));
            assertThat(p.readWait()).isEqualTo(Duration.ofMinutes(1));
            assertThat(p.replay().resumeOnStart()).isTrue();
            assertThat(context.getBean(StoreProperties.class)).isEqualTo(new StoreProperties(Duration.ofMillis(800), 8));
            assertThat(context.getBean(RunProperties.class)).isEqualTo(new RunProperties(100, 2000));
            ApiProperties api = context.getBean(ApiProperties.class);
            assertThat(api.maxBodyBytes()).isEqualTo(16384);
            assertThat(api.runWait()).isEqualTo(Duration.ofSeconds(20));
            assertThat(api.readCache().maxSize()).isEqualTo(DataSize.ofMegabytes(32));
        });
    }

    @Test
    void aValueOutsideItsBoundsStopsTheStartNamingTheKey() {
        for (String[] bad : new String[][]{{"mopr.projection.batch-size=0", "batchSize"},
                {"mopr.projection.segments=17", "segments"}, {"mopr.projection.replay.batch-size=50001", "replay.batchSize"},
                {"mopr.projection.replay.catch-up-timeout=PT0S", "replay.catchUpTimeout"},
                {"mopr.projection.read-wait=-PT1S", "readWait"}, {"mopr.store.health-timeout=PT0S", "healthTimeout"},
                {"mopr.store.pool-size=0", "poolSize"}, {"mopr.run.commands-per-transaction=1001", "commandsPerTransaction"},
                {"mopr.api.max-body-bytes=0", "maxBodyBytes"}, {"mopr.api.read-cache.ttl=-PT1S", "readCache.ttl"}}) {
            runner.withPropertyValues(bad[0]).run(context -> assertThat(context).getFailure()
                    .as(bad[0]).rootCause().hasMessageContaining(bad[1]));
        }
    }
}
