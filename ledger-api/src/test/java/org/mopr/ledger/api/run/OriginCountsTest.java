package org.mopr.ledger.api.run;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The origin a run's summary counts is the top-level provenance's, as {@code payload::json->'provenance'->>'origin'}. */
class OriginCountsTest {

    private final OriginCounts counts = new OriginCounts();

    @Test
    void theOriginIsTheTopLevelProvenancesWhateverComesBeforeIt() {
        assertThat(origin("{\"a\":{\"provenance\":{\"origin\":\"NESTED\"}},\"note\":\"\\\"provenance\\\":{\\\"origin\\\":\\\"X\\\"}\","
                + "\"provenance\":{\"claims\":[\"c1\"],\"parameters\":{\"origin\":\"P\"},\"origin\":\"DERIVED\"}}"))
                .isEqualTo("DERIVED");
    }

    @Test
    void anEventWithoutAProvenanceObjectCountsAsNullAsTheQueryPrintedIt() {
        assertThat(origin("{\"x\":1}")).isEqualTo("null");
        assertThat(origin("{\"provenance\":null}")).isEqualTo("null");
        assertThat(origin("{\"provenance\":{\"origin\":null}}")).isEqualTo("null");
        assertThat(origin("[1,2]")).isEqualTo("null");
    }

    @Test
    void countsAreKeyedByTypeAndOriginSorted() {
        counts.add("DuesCollected", bytes("{\"provenance\":{\"origin\":\"SIMULATED\"}}"));
        counts.add("DuesCollected", bytes("{\"provenance\":{\"origin\":\"SIMULATED\"}}"));
        counts.add("AidSent", bytes("{\"provenance\":{\"origin\":\"DOCUMENTED\"}}"));
        counts.add("DuesCollected", bytes("{\"provenance\":{\"origin\":\"ASSUMED\"}}"));
        assertThat(counts.sorted()).containsExactly(Map.entry("AidSent DOCUMENTED", 1L),
                Map.entry("DuesCollected ASSUMED", 1L), Map.entry("DuesCollected SIMULATED", 2L));
    }

    @Test
    void aPayloadThatIsNotJsonIsRefusedWithTheParsersWords() {
        assertThatThrownBy(() -> counts.add("X", bytes("{\"provenance\":{\"origin\"")))
                .hasMessageContaining("a stored payload is not JSON");
    }

    private String origin(String json) {
        return counts.origin(bytes(json));
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
