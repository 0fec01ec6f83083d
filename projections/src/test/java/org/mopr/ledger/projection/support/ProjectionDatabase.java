package org.mopr.ledger.projection.support;

import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.mopr.ledger.shared.LedgerJson;
import org.mopr.ledger.testsupport.TestPostgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A fresh PostgreSQL database with the event store and projection migrations applied, and the plumbing the
 * projection code needs outside Spring Boot: JDBC, transactions, a token store that joins those transactions.
 */
public final class ProjectionDatabase {

    public final String url;
    public final DataSource dataSource;
    public final JdbcTemplate jdbc;
    public final PlatformTransactionManager transactions;
    public final Serializer serializer = JacksonSerializer.builder().objectMapper(LedgerJson.mapper()).build();

    private ProjectionDatabase(String url) {
        this.url = url;
        try {
            this.dataSource = new SimpleDriverDataSource(DriverManager.getDriver(url), url);
        } catch (SQLException e) {
            throw new IllegalStateException("no JDBC driver for " + url, e);
        }
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new DataSourceTransactionManager(dataSource);
    }

    public static ProjectionDatabase fresh(String purpose) {
        String url = TestPostgres.freshDatabase(purpose);
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();
        return new ProjectionDatabase(url);
    }

    /** A fresh database holding the projection of {@link Story} for run {@code run}. */
    public static ProjectionDatabase withStory(String purpose, String run) {
        ProjectionDatabase db = fresh(purpose);
        db.inTransaction(() -> new org.mopr.ledger.projection.engine.Projector(db.jdbc).apply(Story.log(run).events()));
        return db;
    }

    /** Axon's JDBC token store, on connections that take part in the current Spring transaction. */
    public TokenStore tokenStore() {
        DataSource transactional = new TransactionAwareDataSourceProxy(dataSource);
        return JdbcTokenStore.builder().connectionProvider(transactional::getConnection).serializer(serializer).build();
    }

    public void inTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
    }
}
