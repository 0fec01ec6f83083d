package org.mopr.ledger.api.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the event topic before the first send when it does not exist. Done by the publisher, in its own
 * retrying batch, rather than by Spring's KafkaAdmin at start-up: KafkaAdmin adds partitions to an existing
 * topic that has fewer than declared, which would move aggregates to other partitions and break their order.
 * An existing topic is left as it is, whatever its settings.
 */
final class TopicCreator {

    private static final Logger log = LoggerFactory.getLogger(TopicCreator.class);

    private static final long LEADER_POLL_MILLIS = 50;

    private final Map<String, Object> adminConfig;
    private final TopicSettings topic;
    private final Duration timeout;
    private volatile boolean ready;

    TopicCreator(Map<String, Object> adminConfig, TopicSettings topic, Duration timeout) {
        this.adminConfig = adminConfig;
        this.topic = topic;
        this.timeout = timeout;
    }

    /**
     * Waits, within the timeout, until every partition of the topic has a leader. A topic created a moment ago has
     * none for a while; records sent to it then sat in the producer until the publisher's acknowledgement timeout
     * failed the page, and the page went out again: every event of it twice, and minutes lost.
     */
    private void awaitLeaders(Admin admin) throws ExecutionException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            TopicDescription described = admin.describeTopics(List.of(topic.name())).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic.name());
            List<Integer> leaderless = described.partitions().stream()
                    .filter(p -> p.leader() == null || p.leader().isEmpty()).map(p -> p.partition()).toList();
            if (leaderless.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("partitions " + leaderless + " of topic " + topic.name()
                        + " have no leader after " + timeout);
            }
            Thread.sleep(LEADER_POLL_MILLIS);
        }
    }

    /** Makes sure the topic exists; cheap once it has succeeded. Throws when the broker cannot be asked. */
    void ensure() {
        if (ready) {
            return;
        }
        try (Admin admin = Admin.create(adminConfig)) {
            NewTopic wanted = new NewTopic(topic.name(), topic.partitions(), topic.replicationFactor()).configs(Map.of(
                    // The topic is the full history a new worker group builds its projections from.
                    TopicConfig.RETENTION_MS_CONFIG, "-1",
                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(topic.minInsyncReplicas())));
            try {
                admin.createTopics(List.of(wanted)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                log.info("created topic {} with {} partitions, replication factor {}", topic.name(), topic.partitions(),
                        topic.replicationFactor());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                TopicDescription existing = admin.describeTopics(List.of(topic.name())).allTopicNames()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic.name());
                if (existing.partitions().size() != topic.partitions()) {
                    log.info("topic {} exists with {} partitions (mopr.kafka.topic-partitions={} applies only when "
                            + "creating it)", topic.name(), existing.partitions().size(), topic.partitions());
                }
            }
            awaitLeaders(admin);
            ready = true;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create or find topic " + topic.name() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic.name(), e);
        }
    }
}
