package org.mopr.ledger.api;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Spring Boot application: wiring of the store, Axon, projections, REST, page and metrics. */
@SpringBootApplication(scanBasePackages = "org.mopr.ledger")
@ConfigurationPropertiesScan("org.mopr.ledger.api")
public class LedgerApplication {
}
