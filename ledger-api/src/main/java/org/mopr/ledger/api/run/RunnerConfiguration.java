package org.mopr.ledger.api.run;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.mopr.ledger.simulation.run.CommandBatcher;
import org.mopr.ledger.simulation.run.ScenarioRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the scenario runner of {@code simulations} to Axon's command bus and the store's transactions. */
@Configuration(proxyBeanMethods = false)
public class RunnerConfiguration {

    @Bean
    CommandBatcher commandBatcher(CommandBus commandBus, TransactionManager transactionManager, Cache aggregateCache) {
        return new CommandBatcher(commandBus, transactionManager, aggregateCache::removeAll);
    }

    @Bean
    ScenarioRunner scenarioRunner(CommandBatcher batcher, JdbcRunRegistry registry, JdbcRunStore store,
                                  RunProperties properties) {
        return new ScenarioRunner(batcher, registry, store, properties.commandsPerTransaction(),
                properties.eventsPerTransaction());
    }
}
