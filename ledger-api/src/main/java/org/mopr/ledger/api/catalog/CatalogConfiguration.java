package org.mopr.ledger.api.catalog;

import org.mopr.ledger.catalog.Catalog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.util.List;

/**
 * The catalog: the shipped sources and those of the folders in {@code mopr.sources} (comma-separated), loaded and
 * checked against their texts once at start-up. A broken one stops the app.
 */
@Configuration(proxyBeanMethods = false)
public class CatalogConfiguration {

    @Bean
    public Catalog catalog(@Value("${mopr.sources:}") List<String> sources) {
        return Catalog.load(sources.stream().filter(s -> !s.isBlank()).map(s -> Path.of(s.strip())).toList());
    }
}
