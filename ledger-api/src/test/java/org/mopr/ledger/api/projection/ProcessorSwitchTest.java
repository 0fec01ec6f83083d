package org.mopr.ledger.api.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.LedgerContexts;
import org.mopr.ledger.testsupport.TestPostgres;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** A node whose projections come from Kafka workers runs no store-fed projection processor of its own. */
class ProcessorSwitchTest {

    @Test
    void theStoreFedProcessorCanBeSwitchedOff() {
        String db = TestPostgres.freshDatabase("switch");
        try (ConfigurableApplicationContext off = LedgerContexts.start(db, "--mopr.projection.processor.enabled=false")) {
            assertThat(off.getBean(EventProcessingConfiguration.class).eventProcessor(ProjectionConfiguration.PROCESSOR))
                    .isEmpty();
        }
        try (ConfigurableApplicationContext on = LedgerContexts.start(db)) {
            assertThat(on.getBean(EventProcessingConfiguration.class).eventProcessor(ProjectionConfiguration.PROCESSOR))
                    .isPresent();
        }
    }
}
