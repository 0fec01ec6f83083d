package org.mopr.ledger.api.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.mopr.ledger.projection.engine.Projector;
import org.mopr.ledger.projection.partition.PartitionFeed;
import org.mopr.ledger.projection.partition.PartitionOffsets;
import org.mopr.ledger.shared.LedgerJson;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.Map;

/**
 * The beans of a projection worker. Deliberately not a {@code @Configuration}: the main application scans
 * org.mopr.ledger, and these beans belong only to the worker's own context ({@link KafkaWorkerApplication}),
 * which imports this class and has no Axon, hence no store-fed projection processor writing the same tables.
 */
@EnableConfigurationProperties(LedgerKafkaProperties.class)
public class KafkaWorkerConfiguration {

    @Bean
    public WorkerSettings kafkaWorkerSettings(LedgerKafkaProperties properties) {
        return properties.workerSettings();
    }

    @Bean
    public WorkerMetrics kafkaWorkerMetrics(ObjectProvider<MeterRegistry> registry, WorkerSettings settings) {
        return new WorkerMetrics(registry.getIfAvailable(SimpleMeterRegistry::new), settings.group(), settings.topic());
    }

    @Bean
    public KafkaWorker projectionWorker(WorkerSettings settings, KafkaProperties kafka, ObjectProvider<SslBundles> ssl,
                                        DataSource dataSource, PlatformTransactionManager transactions,
                                        ObjectProvider<WorkerHook> hook, WorkerMetrics metrics,
                                        ObjectProvider<MeterRegistry> registry) {
        Map<String, Object> config = KafkaClients.consumer(kafka, ssl.getIfAvailable(), settings.group());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        PartitionOffsets offsets = new PartitionOffsets(jdbc, settings.group(), settings.topic());
        // The store's mapper (AxonConfiguration's serializer wraps it): the payload bytes are the store's.
        PayloadDecoder decoder = new PayloadDecoder(LedgerJson.mapper());
        PartitionFeed feed = new PartitionFeed(new TransactionTemplate(transactions), jdbc, new Projector(jdbc), offsets);
        BatchApplier applier = new BatchApplier(feed, decoder, settings.topic(), hook.getIfAvailable(() -> WorkerHook.NONE));
        MeterRegistry meters = registry.getIfAvailable(SimpleMeterRegistry::new);
        return new ContainerWorker(config, settings, offsets, applier, metrics, meters);
    }
}
