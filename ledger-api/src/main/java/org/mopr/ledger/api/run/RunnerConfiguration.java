package org.mopr.ledger.api.run;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.mopr.ledger.simulation.run.CommandBatcher;
import org.mopr.ledger.simulation.run.ScenarioRunner;
import org.springframework.beans.factory.annotation.Value;
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
                                  @Value("${mopr.run.commands-per-transaction:100}") int commandsPerTransaction,
                                  @Value("${mopr.run.events-per-transaction:2000}") int eventsPerTransaction) {
        return new ScenarioRunner(batcher, registry, store, commandsPerTransaction, eventsPerTransaction);
    }
}
