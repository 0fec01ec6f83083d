package org.mopr.ledger.api.kafka;

import ch.qos.logback.classic.Level;
import kafka.server.BrokerServer;
import kafka.server.ControllerServer;
import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * Three Kafka nodes in this JVM, each a combined broker and KRaft controller (a quorum of three voters) with its
 * own log directory and its own fixed client port, started from the Kafka artifacts the tests already use
 * (Kafka's own cluster test kit). A node's broker can be stopped and started again on the same port while its
 * controller keeps voting, which is what an operator's {@code kafka-server-stop.sh} on a combined node looks like
 * to clients: the broker's partitions move to the other two, its controller vote is not needed for a quorum of 3.
 * Settings as in KAFKA.md's runbook: replication factor 3, min.insync.replicas=2, no unclean election, no
 * topic created by a client.
 */
public final class ThreeBrokerCluster implements AutoCloseable {

    private final KafkaClusterTestKit kit;
    /** Node id to the client port it listens on, fixed so a restarted broker comes back where clients expect it. */
    private final Map<Integer, Integer> ports;

    private ThreeBrokerCluster(KafkaClusterTestKit kit, Map<Integer, Integer> ports) {
        this.kit = kit;
        this.ports = ports;
    }

    public static ThreeBrokerCluster start() throws Exception {
        quiet();
        Map<Integer, Integer> ports = new TreeMap<>();
        Map<Integer, Map<String, String>> perNode = new HashMap<>();
        for (int node = 0; node < 3; node++) {
            int port = freePort();
            ports.put(node, port);
            // The controller's port is fixed too: the other voters know a voter by its address.
            perNode.put(node, Map.of("listeners", "EXTERNAL://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + freePort()));
        }
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(3)
                .setNumControllerNodes(3)
                .setPerServerProperties(perNode)
                .build();
        KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("default.replication.factor", "3")
                .setConfigProp("min.insync.replicas", "2")
                .setConfigProp("unclean.leader.election.enable", "false")
                .setConfigProp("auto.create.topics.enable", "false")
                .setConfigProp("offsets.topic.replication.factor", "3")
                .setConfigProp("offsets.topic.num.partitions", "6")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        try {
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
        } catch (Exception e) {
            kit.close();
            throw e;
        }
        return new ThreeBrokerCluster(kit, ports);
    }

    /**
     * The brokers' own INFO logging (partition state changes on every stop) would bury a run's output, and clients
     * log a warning for every produce request sent to a leader that has just gone. Spring Boot resets the levels
     * when a context starts, so callers quieten them again afterwards.
     */
    public static void quiet() {
        for (String logger : List.of("kafka", "state.change.logger", "org.apache.kafka")) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(logger)).setLevel(Level.ERROR);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every node's client address, as a worker's or publisher's bootstrap list. */
    public String bootstrap() {
        return ports.values().stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
    }

    public Map<Integer, Integer> ports() {
        return Map.copyOf(ports);
    }

    /** The replication settings of every topic the tests create; the publisher creates it with the same ones. */
    public void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 3)
                    .configs(Map.of("min.insync.replicas", "2", "retention.ms", "-1"))))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Stops a node's broker, its controller still voting, and waits until the other two lead its partitions. Kafka
     * runs a controller again only in a fresh process (its test kit cannot restart one in this JVM), so a node
     * that is to come back loses its broker only.
     */
    public void stopBroker(int node, String topic) throws Exception {
        BrokerServer broker = kit.brokers().get(node);
        broker.shutdown();
        broker.awaitShutdown();
        awaitNotLeading(node, topic);
    }

    /** Stops a node whole, broker and controller: two voters of three remain, still a quorum. */
    public void stopNode(int node, String topic) throws Exception {
        stopBroker(node, topic);
        ControllerServer controller = kit.controllers().get(node);
        controller.shutdown();
        controller.awaitShutdown();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> activeController() != node);
    }

    private void awaitNotLeading(int node, String topic) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> leaders(topic).values().stream().noneMatch(leader -> leader == node));
    }

    /** Starts a stopped broker on its old port and waits until it is back in every partition's in-sync replicas. */
    public void restartBroker(int node, String topic) throws Exception {
        kit.brokers().get(node).startup();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> inSyncReplicas(topic).values().stream().allMatch(isr -> isr.contains(node)));
    }

    /** The node whose controller leads the metadata quorum (kafka-metadata-quorum.sh describe --status). */
    public int activeController() throws Exception {
        try (Admin admin = admin()) {
            return admin.describeMetadataQuorum().quorumInfo().get(30, TimeUnit.SECONDS).leaderId();
        }
    }

    public boolean isRunning(int node) {
        return !kit.brokers().get(node).isShutdown();
    }

    /** Partition to the node id leading it (-1 while it has no leader). */
    public Map<Integer, Integer> leaders(String topic) throws Exception {
        Map<Integer, Integer> leaders = new TreeMap<>();
        for (TopicPartitionInfo partition : describe(topic).partitions()) {
            Node leader = partition.leader();
            leaders.put(partition.partition(), leader == null ? -1 : leader.id());
        }
        return leaders;
    }

    /** Partition to the node ids of its in-sync replicas. */
    public Map<Integer, Set<Integer>> inSyncReplicas(String topic) throws Exception {
        Map<Integer, Set<Integer>> isr = new TreeMap<>();
        for (TopicPartitionInfo partition : describe(topic).partitions()) {
            isr.put(partition.partition(), partition.isr().stream().map(Node::id).collect(Collectors.toSet()));
        }
        return isr;
    }

    /** The topic as the operator's describe shows it: per partition the leader, replicas and in-sync replicas. */
    public List<String> describeLines(String topic) throws Exception {
        List<String> lines = new ArrayList<>();
        TopicDescription description = describe(topic);
        for (TopicPartitionInfo p : description.partitions()) {
            lines.add("partition " + p.partition() + ": leader " + (p.leader() == null ? "none" : p.leader().id())
                    + ", replicas " + ids(p.replicas()) + ", isr " + ids(p.isr()));
        }
        return lines;
    }

    private static String ids(List<Node> nodes) {
        return nodes.stream().map(n -> String.valueOf(n.id())).collect(Collectors.joining(",", "[", "]"));
    }

    private TopicDescription describe(String topic) throws Exception {
        try (Admin admin = admin()) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
        }
    }

    /** An admin client over the brokers that are up: a stopped one's port would only cost connection retries. */
    private Admin admin() {
        String running = ports.entrySet().stream().filter(e -> isRunning(e.getKey()))
                .map(e -> "127.0.0.1:" + e.getValue()).collect(Collectors.joining(","));
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, running,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    @Override
    public void close() throws Exception {
        // With a node stopped, the others' graceful Raft shutdown times out waiting for it: expected, not news.
        for (String logger : List.of("kafka", "org.apache.kafka")) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(logger)).setLevel(Level.OFF);
        }
        kit.close();
    }
}
