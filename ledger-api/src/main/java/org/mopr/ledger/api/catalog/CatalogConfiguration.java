package org.mopr.ledger.api.catalog;

import org.mopr.ledger.catalog.Catalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The historical catalog, loaded and checked against its seeds once at start-up: a broken one stops the app. */
@Configuration(proxyBeanMethods = false)
public class CatalogConfiguration {

    @Bean
    public Catalog catalog() {
        return Catalog.loadHistorical();
    }
}
