package org.mopr.ledger.api.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * The publisher, only with mopr.kafka.enabled=true (the single-machine mode needs no broker): a tracking
 * processor of its own ("kafka-publisher", one segment, one thread) reads the event store and hands each batch to
 * {@link KafkaEventPublisher}; its token lives in the JDBC token store beside the projections' and commits only
 * after the broker acknowledged the batch. Enabled on a store that already holds events, it publishes them all
 * from the first one.
 *
 * <p>A tracking processor rather than a pooled one for throughput: Axon 4's pooled processor buffers at most 1,024
 * events per segment, and its coordinator, finding that buffer full, sleeps 100 ms before reading on. A publisher
 * is always slower than reading (it waits for the broker), so the buffer is always full and it published at most
 * about 1,024 events per 100 ms (BENCHMARK.md: 15,800 events/s alone, against 31,000 with this processor).
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
                                                   ObjectProvider<SslBundles> ssl,
                                                   @Qualifier("eventSerializer") Serializer eventSerializer,
                                                   DataSource dataSource, TopicSettings topic, PublisherSettings settings,
                                                   ObjectProvider<PublisherHook> hook,
                                                   ObjectProvider<EventProcessingConfiguration> processing,
                                                   ObjectProvider<MeterRegistry> registry) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        TopicCreator creator = new TopicCreator(KafkaClients.admin(kafka, ssl.getIfAvailable()), topic, settings.ackTimeout());
        MeterRegistry meters = registry.getIfAvailable(SimpleMeterRegistry::new);
        return new KafkaEventPublisher(producer, creator, eventSerializer, jdbc, topic.name(), settings,
                hook.getIfAvailable(() -> PublisherHook.NONE),
                new PublisherMetrics(processing, jdbc).register(meters, topic.name()));
    }

    @Bean
    public ConfigurerModule kafkaPublisherProcessor(PublisherSettings settings) {
        String group = KafkaEventPublisher.PROCESSING_GROUP;
        return configurer -> configurer.eventProcessing(processing -> processing
                .assignHandlerTypesMatching(group, KafkaEventPublisher.class::isAssignableFrom)
                // Axon's default would log a failed event and move on: an event missing from Kafka for ever.
                .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance())
                .registerTrackingEventProcessor(group, KafkaPublisherConfiguration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(settings.batchSize()).andInitialSegmentsCount(1)));
    }

    @SuppressWarnings("unchecked")
    private static StreamableMessageSource<TrackedEventMessage<?>> eventStore(org.axonframework.config.Configuration c) {
        return (StreamableMessageSource<TrackedEventMessage<?>>) (StreamableMessageSource<?>) c.eventStore();
    }
}
