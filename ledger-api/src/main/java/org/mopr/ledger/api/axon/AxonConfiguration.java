package org.mopr.ledger.api.axon;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.mopr.ledger.fund.Fund;
import org.mopr.ledger.organisation.Organisation;
import org.mopr.ledger.patronage.Patronage;
import org.mopr.ledger.section.NationalSection;
import org.mopr.ledger.shared.LedgerJson;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon wiring: Jackson (not XStream) for events, messages, tokens and snapshots, and the aggregates of
 * ledger-core (which knows nothing of Spring) registered with a strong, bounded cache.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    private static Serializer jackson() {
        return JacksonSerializer.builder().objectMapper(LedgerJson.mapper()).build();
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return jackson();
    }

    /** The same JSON; each command's provenance is written once per command rather than once per event (EventJson). */
    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return jackson();
    }

    /**
     * PostgreSQL reports a second writer of (aggregate, sequence) as SQL state 23505; Axon's default JDBC
     * resolver misses it, so the loser would see a generic store failure instead of a ConcurrencyException.
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    @Bean
    public FreshRuns freshRuns() {
        return new FreshRuns();
    }

    /**
     * Axon's JDBC storage engine exactly as its Spring Boot auto-configuration builds it, except that a unit of
     * work's events are appended with one COPY (CopyAppendEvents) rather than a batch of INSERTs.
     */
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer serializer, PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider, TransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .appendEvents(new CopyAppendEvents())
                .build();
    }

    /**
     * How long a processor that has stopped reading may keep the events stored since in memory. The embedded store
     * reads new events once, into a list its processors follow (10,000 events kept for them); a processor pins
     * every event from its place in that list onwards, and one that falls more than 10,000 events behind is moved
     * to reading the database itself only when it next reads, or when the store's cleaner finds it (every 10 s by
     * default). A processor whose worker is busy with a batch on a loaded machine, or that is being stopped, does
     * not read for seconds while the writers go on, and at 10,000 events/s ten seconds pin 100,000 more events
     * (about 100 MB of a 512 MB heap; the benchmark's run phase ran out of heap so with 2 writer threads). Every
     * 250 ms bounds it to 10,000 events and a quarter of a second of writing; a look at the one or two processors
     * costs nothing measurable.
     */
    static final long CACHE_CLEANUP_MILLIS = 250;

    /**
     * Axon's embedded event store as its auto-configuration builds it, waking its reader when a stream opens and
     * answering the first load of an aggregate of a fresh run without reading (FreshRuns), with its cleaner run
     * every {@link #CACHE_CLEANUP_MILLIS}.
     */
    @Bean(name = "eventBus")
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                         FreshRuns freshRuns) {
        return new FetchOnOpenEventStore(freshRuns, EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .cleanupDelay(CACHE_CLEANUP_MILLIS)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)));
    }

    @Bean
    public Cache aggregateCache(@Value("${mopr.axon.aggregate-cache-size:100000}") long size) {
        return new BoundedAggregateCache(size);
    }

    @Bean
    public ConfigurerModule aggregates(Cache aggregateCache) {
        return configurer -> {
            for (Class<?> type : new Class<?>[]{NationalSection.class, Fund.class, Patronage.class, Organisation.class}) {
                configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(type)
                        .configureCache(c -> aggregateCache));
            }
        };
    }
}
