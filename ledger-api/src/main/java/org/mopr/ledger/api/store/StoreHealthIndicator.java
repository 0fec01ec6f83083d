package org.mopr.ledger.api.store;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The database's part of {@code /actuator/health} ("db", in place of Spring's), answered within a bound: Spring's
 * own check waits for a connection as long as the pool does, so while the database is away a probe with a shorter
 * timeout than the pool's heard nothing. One check runs at a time; a probe that comes while one runs waits for it.
 */
@Component("dbHealthIndicator")
public class StoreHealthIndicator implements HealthIndicator, DisposableBean {

    private final DataSource dataSource;
    private final Duration timeout;
    private final ExecutorService checks = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "mopr-store-health");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<Health> running;

    public StoreHealthIndicator(DataSource dataSource, StoreProperties properties) {
        this.dataSource = dataSource;
        this.timeout = properties.healthTimeout();
    }

    @Override
    public Health health() {
        try {
            return current().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", "the database did not answer within " + timeout.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            return Health.down().withDetail("error", String.valueOf(e.getCause().getMessage())).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().withDetail("error", "interrupted while checking the database").build();
        }
    }

    private synchronized CompletableFuture<Health> current() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(this::check, checks);
        }
        return running;
    }

    private Health check() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid((int) Math.max(1, timeout.toSeconds()))) {
                return Health.up().withDetail("database", connection.getMetaData().getDatabaseProductName())
                        .withDetail("validationQuery", "isValid()").build();
            }
            return Health.down().withDetail("error", "a connection to the database did not validate").build();
        } catch (SQLException e) {
            return Health.down().withDetail("error", e.getMessage()).build();
        }
    }

    @Override
    public void destroy() {
        checks.shutdownNow();
    }
}
