package org.mopr.ledger.api;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring Boot application: wiring of the store, Axon, projections, REST, page and metrics. */
@SpringBootApplication(scanBasePackages = "org.mopr.ledger")
public class LedgerApplication {
}
