package org.mopr.ledger.api.web.cache;

import org.mopr.ledger.api.web.ApiProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;


/** The read cache and its filter, after the write-token and request-limit filters of every {@code /api} request. */
@Configuration(proxyBeanMethods = false)
public class ReadCacheConfiguration {

    @Bean
    public ReadCache readCache(ApiProperties api, ObjectProvider<MeterRegistry> registry) {
        ApiProperties.ReadCache settings = api.readCache();
        ReadCache cache = new ReadCache(settings.ttl(), settings.maxSize().toBytes(), settings.maxEntrySize().toBytes());
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
