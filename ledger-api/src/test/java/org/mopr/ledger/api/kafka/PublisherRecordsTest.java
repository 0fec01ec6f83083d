package org.mopr.ledger.api.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.api.LedgerContexts;
import org.mopr.ledger.api.run.RunService;
import org.mopr.ledger.shared.LedgerJson;
import org.mopr.ledger.simulation.scenario.ScenarioReader;
import org.mopr.ledger.testsupport.TestPostgres;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publisher builds each record from the stored row, its provenance headers read from the JSON without
 * deserializing the event; the records must be exactly those built from the deserialized event (as the publisher
 * before it did, and as bench's plain producer still does). Checked on every event of several scenarios, which
 * between them store every origin and the member dues events of the synthetic run.
 */
class PublisherRecordsTest {

    private static final String TOPIC = "mopr.records";
    private static final List<String> SCENARIOS = List.of("historical", "ban-italy-1923", "affiliates-62",
            "dollar-at-2-rubles", "half-dues");
    private static List<EventRecords.EventRow> rows;

    @BeforeAll
    static void storeScenarios() throws Exception {
        String db = TestPostgres.freshDatabase("kafka_records");
        try (ConfigurableApplicationContext store = LedgerContexts.start(db)) {
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            RunService runs = store.getBean(RunService.class);
            SCENARIOS.forEach(name -> runs.run(name, null, quiet));
            runs.run(smallSynthetic().toString(), null, quiet);
            rows = new EventTable(KafkaRig.jdbc(store)).after(-1, PublisherSettings.MAX_BATCH_SIZE);
            assertThat(KafkaRig.stored(KafkaRig.jdbc(store))).as("one page holds them all").isEqualTo(rows.size());
        }
    }

    @Test
    void everyRecordEqualsTheOneBuiltFromTheDeserializedEvent() throws Exception {
        PayloadDecoder decoder = new PayloadDecoder(LedgerJson.mapper());
        ProvenanceReader reader = new ProvenanceReader(decoder);
        Set<String> origins = new HashSet<>();
        Set<String> types = new HashSet<>();
        for (EventRecords.EventRow row : rows) {
            Object event = decoder.decode(row.payloadType(), row.payload());
            ProducerRecord<String, byte[]> expected = EventRecords.toRecord(TOPIC, new EventRecords.StoredEvent(
                    row.globalIndex(), row.aggregateId(), row.sequenceNumber(), row.aggregateType(), row.eventId(),
                    new SimpleSerializedObject<>(row.payload(), byte[].class, row.payloadType(), row.payloadRevision()),
                    event));
            ProducerRecord<String, byte[]> published = EventRecords.toRecord(TOPIC, row,
                    reader.read(row.payloadType(), row.payload()));
            assertThat(published.key()).isEqualTo(expected.key());
            assertThat(published.value()).isEqualTo(expected.value());
            assertThat(text(published)).as("#" + row.globalIndex() + " " + row.payloadType()).isEqualTo(text(expected));
            // The shortcut itself, not only the reader that would fall back on a mismatch.
            assertThat(reader.stream(row.payload())).as(row.payloadType()).isEqualTo(ProvenanceHeaders.of(event));
            origins.add(ProvenanceHeaders.of(event).origin());
            types.add(row.payloadType());
        }
        assertThat(origins).contains("DOCUMENTED", "DERIVED", "SIMULATED", "ASSUMED");
        assertThat(types).anyMatch(t -> t.endsWith("DuesCollected"));
    }

    private static List<Map.Entry<String, String>> text(ProducerRecord<String, byte[]> record) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(Map.entry(header.key(), new String(header.value(), java.nio.charset.StandardCharsets.UTF_8)));
        }
        return headers;
    }

    private static Path smallSynthetic() throws Exception {
        String shipped = ScenarioReader.source("synthetic-members").text();
        Path file = Files.createTempFile("records-", ".yaml");
        file.toFile().deleteOnExit();
        Files.writeString(file, shipped.replaceFirst("(?m)^(\\s+events:\\s*)\\d+", "$1" + 2_000));
        return file;
    }
}
