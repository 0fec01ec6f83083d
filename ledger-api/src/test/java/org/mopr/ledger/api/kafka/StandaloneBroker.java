package org.mopr.ledger.api.kafka;

import ch.qos.logback.classic.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.concurrent.CountDownLatch;

/**
 * A single-node KRaft broker in a process of its own, for {@code bench --kafka} on a machine with only a JDK: the
 * same broker as the tests' (spring-kafka-test), on a fixed port. Its log directory is a temporary one, removed
 * when the process is stopped (Ctrl-C or SIGTERM; after SIGKILL it stays in the temporary directory).
 * BENCHMARK.md has the command line.
 *
 * <p>Usage: {@code StandaloneBroker [PORT]}, PORT 9092 by default.
 */
public final class StandaloneBroker {

    private StandaloneBroker() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9092;
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the port must be between 1 and 65535, got " + port);
        }
        // Without a logback configuration every broker class would log at DEBUG; its warnings still show.
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, KafkaRig.PARTITIONS);
        // kafkaPorts() is ignored in KRaft mode; the test kit applies these listeners over its random-port ones.
        broker.brokerProperty("listeners", "EXTERNAL://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:0");
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Kafka's test kit deletes the log directory in a shutdown hook of its own, racing the broker's last
            // checkpoints: their failures at exit are expected, not worth a screen of stack traces.
            root.setLevel(Level.OFF);
            broker.destroy();
        }, "broker-shutdown"));
        System.out.println("Kafka broker (single-node KRaft) listening at 127.0.0.1:" + port
                + "; stop it with Ctrl-C or kill " + ProcessHandle.current().pid());
        new CountDownLatch(1).await();
    }
}
