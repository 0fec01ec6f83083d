package org.mopr.ledger.api.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.mopr.ledger.shared.LedgerJson;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The publisher, only with mopr.kafka.enabled=true (the single-machine mode needs no broker): one thread of its
 * own ({@link KafkaEventPublisher}) reads the event table in pages and sends each event; its position lives in
 * Axon's token table beside the projections' tokens and moves only after the broker acknowledged a page. Enabled
 * on a store that already holds events, it publishes them all from the first one. It starts and stops with the
 * application (a Spring lifecycle bean).
 *
 * <p>Not an Axon event processor any more: a tracking processor's unit of work per batch, its interceptors,
 * monitors, correlation data and the deserialization of every event took more than half of the publishing
 * thread's time, for a job that only copies stored bytes (BENCHMARK.md, Kafka). Nothing else used that
 * processor; its token row is where the publisher keeps its position.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "mopr.kafka.enabled", havingValue = "true")
@EnableConfigurationProperties(LedgerKafkaProperties.class)
public class KafkaPublisherConfiguration {

    @Bean
    public TopicSettings kafkaTopicSettings(LedgerKafkaProperties properties) {
        return properties.topicSettings();
    }

    @Bean
    public PublisherSettings kafkaPublisherSettings(LedgerKafkaProperties properties) {
        return properties.publisherSettings();
    }

    @Bean(destroyMethod = "close")
    PublisherProducer kafkaPublisherProducer(KafkaProperties kafka, ObjectProvider<SslBundles> ssl,
                                             ObjectProvider<MeterRegistry> registry) {
        return new PublisherProducer(KafkaClients.producer(kafka, ssl.getIfAvailable()), registry.getIfAvailable());
    }

    @Bean
    public KafkaEventPublisher kafkaEventPublisher(PublisherProducer producer, KafkaProperties kafka,
                                                   ObjectProvider<SslBundles> ssl, DataSource dataSource,
                                                   PlatformTransactionManager transactions, TokenStore tokenStore,
                                                   TopicSettings topic, PublisherSettings settings,
                                                   ObjectProvider<PublisherHook> hook,
                                                   ObjectProvider<MeterRegistry> registry) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        TopicCreator creator = new TopicCreator(KafkaClients.admin(kafka, ssl.getIfAvailable()), topic, settings.ackTimeout());
        MeterRegistry meters = registry.getIfAvailable(SimpleMeterRegistry::new);
        AtomicReference<KafkaEventPublisher> made = new AtomicReference<>();
        Counter published = new PublisherMetrics(made::get, jdbc).register(meters, topic.name());
        KafkaEventPublisher publisher = new KafkaEventPublisher(producer, creator, new EventTable(jdbc),
                new ProvenanceReader(new PayloadDecoder(LedgerJson.mapper())),
                new PublisherPosition(tokenStore, new TransactionTemplate(transactions)), topic.name(), settings,
                hook.getIfAvailable(() -> PublisherHook.NONE), published);
        made.set(publisher);
        return publisher;
    }
}
