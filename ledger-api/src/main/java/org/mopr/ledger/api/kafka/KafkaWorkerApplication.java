package org.mopr.ledger.api.kafka;

import org.mopr.ledger.api.store.EmbeddedPostgresConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The context of {@code project}: the database (Flyway migrates it, so an empty one gets the projection tables),
 * Kafka's settings, the metrics and the worker, and nothing of Axon. Without Axon there is no store-fed
 * projection processor to write the same tables as the worker, and no command side: a worker only reads Kafka
 * and writes projections.
 */
public final class KafkaWorkerApplication {

    /** Auto-configurations a worker must not run: Axon (its processors) and the API documentation of the REST side. */
    private static final List<String> EXCLUDED_PREFIXES = List.of("org.axonframework.", "org.springdoc.");

    /** Not a {@code @Configuration}, so the main application's component scan never picks it up. */
    @EnableAutoConfiguration
    @Import({EmbeddedPostgresConfiguration.class, KafkaWorkerConfiguration.class})
    static final class Sources {
    }

    private KafkaWorkerApplication() {
    }

    /**
     * Starts a worker; it begins consuming once the context is up.
     *
     * @param web        whether to serve health and metrics over HTTP (server.port)
     * @param properties Spring properties, e.g. spring.kafka.bootstrap-servers and mopr.kafka.worker.group
     */
    @SafeVarargs
    public static ConfigurableApplicationContext start(boolean web, Map<String, Object> properties,
                                                       ApplicationContextInitializer<ConfigurableApplicationContext>... initializers) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("spring.autoconfigure.exclude", excludedAutoConfigurations());
        // A worker serves only /actuator; the static page of the main application is not its to serve.
        all.put("spring.web.resources.add-mappings", "false");
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(Sources.class)
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .initializers(initializers)
                .run(args);
    }

    private static String excludedAutoConfigurations() {
        ImportCandidates candidates = ImportCandidates.load(AutoConfiguration.class, KafkaWorkerApplication.class.getClassLoader());
        return StreamSupport.stream(candidates.spliterator(), false)
                .filter(name -> EXCLUDED_PREFIXES.stream().anyMatch(name::startsWith))
                .collect(Collectors.joining(","));
    }
}
