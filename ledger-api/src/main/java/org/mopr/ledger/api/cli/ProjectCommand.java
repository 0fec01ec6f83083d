package org.mopr.ledger.api.cli;

import org.mopr.ledger.api.kafka.KafkaWorkerApplication;
import org.mopr.ledger.api.kafka.KafkaWorker;
import org.mopr.ledger.api.kafka.WorkerSettings;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code project --kafka BOOTSTRAP --group NAME [--db URL]}: a projection worker fed from Kafka. */
@Command(name = "project", mixinStandardHelpOptions = true,
        description = {"Run a projection worker: consume the event topic as a member of consumer group NAME and write "
                + "the projection tables of the database, each batch in one transaction with the group's offsets.",
                "Start more workers with the same group (on this or other machines) to share the partitions. "
                        + "Stops cleanly on SIGTERM; a killed worker resumes where its last batch committed."})
public class ProjectCommand implements Callable<Integer> {

    @Mixin
    DbOption db;

    @Option(names = "--kafka", required = true, paramLabel = "BOOTSTRAP",
            description = "Kafka bootstrap servers, e.g. kafka1:9092,kafka2:9092,kafka3:9092.")
    String bootstrap;

    @Option(names = "--group", required = true, paramLabel = "NAME",
            description = "Consumer group; the workers of one group write one database together.")
    String group;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "The event topic (default: mopr.kafka.topic, mopr.events).")
    String topic;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8081",
            description = "HTTP port of /actuator/health and /actuator/prometheus (default: ${DEFAULT-VALUE}; 0 picks a "
                    + "free port, -1 serves none).")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        if (port < -1 || port > 65535) {
            throw new IllegalArgumentException("--port must be between -1 and 65535, got " + port);
        }
        if (bootstrap.isBlank()) {
            throw new IllegalArgumentException("--kafka must name at least one bootstrap server");
        }
        // A malformed group or topic is refused before a database or a broker is touched.
        new WorkerSettings(group, topic == null ? "mopr.events" : topic, Duration.ofSeconds(1), Duration.ofSeconds(1));
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.kafka.bootstrap-servers", bootstrap);
        properties.put("mopr.kafka.worker.group", group);
        if (topic != null) {
            properties.put("mopr.kafka.topic", topic);
        }
        if (port >= 0) {
            properties.put("server.port", port);
        }
        // A worker is a daemon: its own lines (assignments, failures) matter, the framework's start-up does not.
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.org.mopr.ledger.api.kafka", "INFO");
        properties.put("spring.main.log-startup-info", "false");
        db.addTo(properties);
        try (ConfigurableApplicationContext context = KafkaWorkerApplication.start(port >= 0, properties)) {
            System.out.println("projecting " + context.getEnvironment().getProperty("mopr.kafka.topic", "mopr.events")
                    + " from " + bootstrap + " as group " + group
                    + (port >= 0 ? "; metrics at http://localhost:" + context.getEnvironment()
                    .getProperty("local.server.port", String.valueOf(port)) + "/actuator/prometheus" : ""));
            Throwable fatal = context.getBean(KafkaWorker.class).awaitTermination();
            if (fatal != null) {
                throw new IllegalStateException("the projection worker stopped: " + fatal.getMessage(), fatal);
            }
        }
        return 0;
    }
}
