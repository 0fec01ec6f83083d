package org.mopr.ledger.api.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * The API's web wiring: JSON by default and CSV on request ({@code Accept: text/csv} or {@code ?format=csv}), money
 * with its decimal string, and the two filters in front of every {@code /api} request (write token, body size).
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer negotiation) {
        // A spreadsheet user pastes a URL; ?format=csv is easier there than an Accept header.
        negotiation.favorParameter(true).parameterName("format")
                .mediaType("json", MediaType.APPLICATION_JSON)
                .mediaType("csv", CsvMessageConverter.TEXT_CSV)
                .defaultContentType(MediaType.APPLICATION_JSON);
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        ObjectMapper api = null;
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter jackson) {
                // A copy: the shared Spring mapper may serve other parts of the application unchanged.
                // A misspelt field of a write body ("sede" for "seed") is refused, as a scenario file's unknown key is,
                // rather than ignored while the request runs with a default.
                api = jackson.getObjectMapper().copy().registerModule(new MoneyJson())
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
                jackson.setObjectMapper(api);
            }
        }
        if (api != null) {
            // Last, so that a browser's Accept: */* still gets JSON.
            converters.add(new CsvMessageConverter(api));
        }
    }

    @Bean
    FilterRegistrationBean<WriteTokenFilter> writeTokenFilter(ApiProperties api) {
        FilterRegistrationBean<WriteTokenFilter> registration = new FilterRegistrationBean<>(
                new WriteTokenFilter(api.token() == null ? "" : api.token()));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestLimitsFilter> requestLimitsFilter(ApiProperties api) {
        FilterRegistrationBean<RequestLimitsFilter> registration =
                new FilterRegistrationBean<>(new RequestLimitsFilter(api.maxBodyBytes(), api.maxQueryChars()));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
