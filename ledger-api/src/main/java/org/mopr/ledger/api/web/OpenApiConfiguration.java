package org.mopr.ledger.api.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.mopr.ledger.money.Money;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at /v3/api-docs (Swagger UI at /swagger-ui.html): what the API is and how writes log in. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    public static final String BEARER = "bearer-token";

    static {
        // The API writes Money with MoneyJson, not as a bean: describe what is written.
        SpringDocUtils.getConfig().replaceWithClass(Money.class, MoneyJson.MoneyView.class);
    }

    @Bean
    public OpenAPI moprOpenApi() {
        return new OpenAPI()
                .info(new Info().title("mopr-ledger API").version("v1")
                        .description("""
                                The event-sourced ledger of International Red Aid (MOPR), 1922-1932. Every read takes \
                                `run` (default: the latest complete run of the historical scenario). JSON by default, \
                                CSV with `Accept: text/csv` or `?format=csv`. Lists take `limit` (1-1000, default 100) \
                                and `offset`. Dates are ISO 8601 with their precision; money is minor units, currency and \
                                a decimal string. Errors are application/problem+json (RFC 9457). Writes need \
                                `Authorization: Bearer <token>` as configured with MOPR_API_TOKEN."""))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("the token set at start-up with MOPR_API_TOKEN or mopr.api.token")));
    }
}
