package org.mopr.ledger.api.projection;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.mopr.ledger.api.axon.StoreCommits;
import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.projection.compare.RunComparison;
import org.mopr.ledger.projection.engine.ProjectionEventHandler;
import org.mopr.ledger.projection.engine.Projector;
import org.mopr.ledger.projection.ledger.TrialBalance;
import org.mopr.ledger.projection.query.ProjectionQueries;
import org.mopr.ledger.projection.replay.BulkRebuild;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Wiring of the projections: one pooled streaming processor for the "projections" group, reading the event store
 * in batches (1,000 events by default) with one segment; its token lives in Axon's JDBC token store on the same
 * DataSource and is stored in the same transaction as the batch's rows, so a crash never counts an event twice.
 * Handler errors propagate (Axon's default would log and skip the event, leaving the tables silently wrong):
 * the batch rolls back and the processor retries it, saying why; {@link ProjectionFailures} counts those batches.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    public static final String PROCESSOR = ProjectionEventHandler.PROCESSING_GROUP;

    /**
     * How long the coordinator waits before looking again at a full buffer or an idle stream: well under the
     * worker's time for a batch (30-60 ms for 1,000 events), so the next batch is buffered when the worker wants it.
     */
    static final Duration COORDINATOR_PAUSE = Duration.ofMillis(5);

    /**
     * How long the coordinator waits before reading an idle stream again (ShortPauseScheduler): each read is a query,
     * and this process's own commits wake it at once, so only another process's events wait this long.
     */
    static final Duration IDLE_PAUSE = Duration.ofMillis(100);

    @Bean
    public ProjectionSettings projectionSettings(ProjectionProperties properties) {
        return properties.settings();
    }

    @Bean
    public Projector projector(DataSource dataSource, ApplicationEventPublisher publisher) {
        return new Projector(new JdbcTemplate(dataSource), () -> ProjectionsChanged.announce(publisher));
    }

    // Off on a node whose projections are written by Kafka workers, so the tables have one writer only.
    @ConditionalOnProperty(name = "mopr.projection.processor.enabled", havingValue = "true", matchIfMissing = true)
    @Bean
    public ProjectionEventHandler projectionEventHandler(Projector projector) {
        return new ProjectionEventHandler(projector);
    }

    @Bean
    public ProjectionQueries projectionQueries(DataSource dataSource) {
        return new ProjectionQueries(new JdbcTemplate(dataSource));
    }

    /** Compares two runs' figures; the catalog names the claims behind them. */
    @Bean
    public RunComparison runComparison(DataSource dataSource, Catalog catalog) {
        return new RunComparison(new JdbcTemplate(dataSource), catalog);
    }

    @Bean
    public TrialBalance trialBalance(ProjectionQueries queries) {
        return queries.trialBalance();
    }

    @Bean
    public ProjectionFailures projectionFailures(ObjectProvider<MeterRegistry> registry) {
        ProjectionFailures failures = new ProjectionFailures();
        registry.ifAvailable(r -> FunctionCounter.builder("mopr.projection.failures", failures, ProjectionFailures::count)
                .description("batches of the projection processor that failed and were rolled back, to be retried")
                .tag("processor", PROCESSOR).register(r));
        return failures;
    }

    @ConditionalOnProperty(name = "mopr.projection.processor.enabled", havingValue = "true", matchIfMissing = true)
    @Bean
    public ConfigurerModule projectionProcessor(ProjectionSettings settings, ProjectionFailures failures,
                                                ShortPauseScheduler projectionCoordinator) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .assignHandlerTypesMatching(PROCESSOR, ProjectionEventHandler.class::isAssignableFrom)
                .registerListenerInvocationErrorHandler(PROCESSOR, c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(PROCESSOR, c -> failures)
                .registerPooledStreamingEventProcessor(PROCESSOR, ProjectionConfiguration::eventStore,
                        (c, builder) -> builder.batchSize(settings.batchSize())
                                .initialSegmentCount(settings.segments())
                                .coordinatorExecutor(projectionCoordinator)));
    }

    /**
     * The coordinator's thread, pausing {@link #COORDINATOR_PAUSE} where Axon pauses 100 ms on a full buffer, and
     * {@link #IDLE_PAUSE} or until this process commits events where it pauses 500 ms on an idle stream.
     */
    @ConditionalOnProperty(name = "mopr.projection.processor.enabled", havingValue = "true", matchIfMissing = true)
    @Bean(destroyMethod = "shutdown")
    ShortPauseScheduler projectionCoordinator(StoreCommits commits) {
        ShortPauseScheduler scheduler = new ShortPauseScheduler(PROCESSOR, COORDINATOR_PAUSE, IDLE_PAUSE);
        commits.onCommit(scheduler::wake);
        return scheduler;
    }

    @SuppressWarnings("unchecked")
    private static StreamableMessageSource<TrackedEventMessage<?>> eventStore(org.axonframework.config.Configuration c) {
        return (StreamableMessageSource<TrackedEventMessage<?>>) (StreamableMessageSource<?>) c.eventStore();
    }

    @Bean
    public BulkRebuild bulkRebuild(DataSource dataSource, PlatformTransactionManager transactions, TokenStore tokenStore,
                                   @Qualifier("eventSerializer") Serializer eventSerializer, ProjectionSettings settings) {
        return new BulkRebuild(new JdbcTemplate(dataSource), transactions, tokenStore, eventSerializer, PROCESSOR,
                settings.segments(), settings.replayBatchSize(), settings.claimWait());
    }

    /** The live projection's two gears (the processor, the bulk path's pages); the only owner of the processor's start and stop. */
    @ConditionalOnProperty(name = "mopr.projection.processor.enabled", havingValue = "true", matchIfMissing = true)
    @Bean
    public LiveProjection liveProjection(ObjectProvider<EventProcessingConfiguration> processing, BulkRebuild bulkRebuild,
                                         ProjectionSettings settings,
                                         ApplicationEventPublisher publisher, ObjectProvider<MeterRegistry> registry) {
        LiveProjection live = new LiveProjection(() -> processing.getObject()
                .eventProcessor(PROCESSOR, PooledStreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no pooled streaming processor named " + PROCESSOR
                        + " is configured")), bulkRebuild, settings.paging(), publisher);
        registry.ifAvailable(r -> {
            FunctionCounter.builder("mopr.projection.paged.events", live, LiveProjection::pagedEvents)
                    .description("events the live projection wrote in pages of the bulk path, having fallen behind")
                    .tag("processor", PROCESSOR).register(r);
            FunctionCounter.builder("mopr.projection.pagings", live, LiveProjection::pagings)
                    .description("times the live processor fell more than mopr.projection.paging.backlog behind")
                    .tag("processor", PROCESSOR).register(r);
            Gauge.builder("mopr.projection.paging", live, l -> l.isPaging() ? 1 : 0)
                    .description("1 while the live projection writes pages (the processor stopped meanwhile), else 0")
                    .tag("processor", PROCESSOR).register(r);
        });
        return live;
    }

    @ConditionalOnProperty(name = "mopr.projection.processor.enabled", havingValue = "true", matchIfMissing = true)
    @Bean
    PagingWatch pagingWatch(LiveProjection live) {
        return new PagingWatch(live);
    }

    @Bean
    public ReplayService replayService(BulkRebuild bulkRebuild, ObjectProvider<LiveProjection> live,
                                       TrialBalance trialBalance, ProjectionSettings settings,
                                       ApplicationEventPublisher publisher) {
        return new ReplayService(bulkRebuild, live, trialBalance, settings, publisher);
    }
}
