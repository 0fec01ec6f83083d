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
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.mopr.ledger.simulation.run.CommandTargets;
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

    /** Events a stream reads per query (and an aggregate's events per page when it is loaded). */
    static final int STREAM_BATCH = 1_000;

    @Bean
    public FreshRuns freshRuns() {
        return new FreshRuns();
    }

    /**
     * Axon's JDBC storage engine exactly as its Spring Boot auto-configuration builds it, except that a unit of
     * work's events are appended with one COPY (CopyAppendEvents) rather than a batch of INSERTs, and that a
     * processor's stream reads up to {@link #STREAM_BATCH} events a query instead of Axon's 100: the Kafka publisher
     * (batches of 1,000) spent about 12 s of a 135 s phase waiting for 2,000 queries of 100 events (JFR,
     * BENCHMARK.md).
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
                .batchSize(STREAM_BATCH)
                .build();
    }

    /**
     * Axon's embedded event store as its auto-configuration builds it,
     * answering the first load of an aggregate of a fresh run without reading (FreshRuns), except that every
     * processor's stream reads the event table itself ({@code optimizeEventConsumption(false)}) instead of following
     * the list of recent events Axon's store otherwise reads once and shares between streams.
     *
     * <p>That list ran the benchmark's live and run phases out of a 512 MB heap. Axon 4.13's reading thread keeps, in a
     * local variable, the entry that was newest when a read of the table began, until the read ends; a read ends
     * when a query finds nothing new, which never happens while the writers keep storing, so every event stored
     * during a run stayed reachable (a heap dump at the out-of-memory error: 267,001 entries, all held by that frame
     * of {@code EmbeddedEventStore$EventProducer.fetchData}, while no processor followed the list; BENCHMARK.md,
     * "Fourth round"). No setting of the cleaner or of the list's size bounds that. The list saves little here: one
     * processor follows the store (two with the Kafka publisher), the JDBC engine reads 1,000 events a query, and
     * the reading thread read every event a second time while the processor read them itself. What a stream now
     * holds is the page it is reading (EventStoreRetentionTest).
     */
    @Bean
    public StoreCommits storeCommits() {
        return new StoreCommits();
    }

    @Bean(name = "eventBus")
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                         FreshRuns freshRuns, StoreCommits commits) {
        return new FreshRunEventStore(freshRuns, commits, EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .optimizeEventConsumption(false)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)));
    }

    @Bean
    public Cache aggregateCache(@Value("${mopr.axon.aggregate-cache-size:100000}") long size) {
        return new BoundedAggregateCache(size);
    }

    /**
     * The aggregate a command targets, by the field Axon's own resolver finds, but looked up once per command type:
     * Axon's lists the command class's methods and fields on every command, several percent of a run's writers.
     * No command carries a target version.
     */
    private static final CommandTargetResolver CACHED_TARGETS = command ->
            new VersionedAggregateIdentifier(CommandTargets.idOf(command.getPayload()), null);

    @Bean
    public ConfigurerModule aggregates(Cache aggregateCache) {
        return configurer -> {
            for (Class<?> type : new Class<?>[]{NationalSection.class, Fund.class, Patronage.class, Organisation.class}) {
                configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(type)
                        .configureCache(c -> aggregateCache)
                        .configureCommandTargetResolver(c -> CACHED_TARGETS));
            }
        };
    }
}
