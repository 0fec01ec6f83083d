package org.mopr.ledger.api.store;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The single-machine default: when no database URL is configured, a real PostgreSQL runs in-process from
 * a Maven artifact, with a persistent data directory so a restart finds the events again. It stops when the
 * application context closes, after every bean that uses it: the library's own JVM shutdown hook would stop it
 * beside Spring's, while the web server and the projection processor still use their connections.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@EnableConfigurationProperties(StoreProperties.class)
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** The running server, its data directory and the data folder's lock; closing it stops the server, then unlocks. */
    record EmbeddedStore(EmbeddedPostgres postgres, Path dataDir, DataFolderLock lock) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                postgres.close();
                log.info("embedded PostgreSQL stopped (data in {})", dataDir);
            } finally {
                lock.close();
            }
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedStore embeddedPostgres(@Value("${mopr.data-dir}") String dataFolder) throws IOException {
        Path folder = Path.of(dataFolder).toAbsolutePath().normalize();
        DataFolderLock lock = DataFolderLock.take(folder);
        try {
            Path dir = postgresDirectory(folder);
            Files.createDirectories(dir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .start();
            log.info("embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dir);
            return new EmbeddedStore(postgres, dir, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * PostgreSQL's own directory in the data folder: {@code postgres} beside the log and the lock, or the folder itself
     * when it already is one (a --data-dir that named PostgreSQL's directory before the folder held a log).
     */
    static Path postgresDirectory(Path folder) {
        return Files.exists(folder.resolve("PG_VERSION")) ? folder : folder.resolve("postgres");
    }

    @Bean
    DataSource dataSource(EmbeddedStore store,
                          StoreProperties storeProperties,
                          @Value("${spring.datasource.hikari.connection-timeout}") long connectionTimeoutMillis,
                          @Value("${spring.datasource.hikari.validation-timeout}") long validationTimeoutMillis) {
        HikariDataSource ds = DataSourceBuilder.create().type(HikariDataSource.class)
                .url(store.postgres().getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .build();
        ds.setMaximumPoolSize(storeProperties.poolSize());
        // The pool of a --db URL gets these from spring.datasource.hikari.*; this one is built by hand.
        ds.setConnectionTimeout(connectionTimeoutMillis);
        ds.setValidationTimeout(validationTimeoutMillis);
        ds.setPoolName("mopr-embedded");
        return ds;
    }
}
