package org.mopr.ledger.api.web.cache;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/** The read cache and its filter, after the write-token and request-limit filters of every {@code /api} request. */
@Configuration(proxyBeanMethods = false)
public class ReadCacheConfiguration {

    @Bean
    public ReadCache readCache(@Value("${mopr.api.read-cache.ttl:PT1S}") Duration ttl,
                               @Value("${mopr.api.read-cache.max-size:32MB}") DataSize maxSize,
                               @Value("${mopr.api.read-cache.max-entry-size:1MB}") DataSize maxEntrySize,
                               ObjectProvider<MeterRegistry> registry) {
        ReadCache cache = new ReadCache(ttl, maxSize.toBytes(), maxEntrySize.toBytes());
        registry.ifAvailable(cache::bindTo);
        return cache;
    }

    @Bean
    FilterRegistrationBean<ReadCacheFilter> readCacheFilter(ReadCache cache) {
        FilterRegistrationBean<ReadCacheFilter> registration = new FilterRegistrationBean<>(new ReadCacheFilter(cache));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }
}
