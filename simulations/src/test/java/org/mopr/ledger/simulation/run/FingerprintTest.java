package org.mopr.ledger.simulation.run;

import org.junit.jupiter.api.Test;
import org.mopr.ledger.shared.RunId;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintTest {

    private static String hash(String run, String payload) {
        Fingerprint f = new Fingerprint(run);
        f.add(run + "/section/SU", 0, "SectionFounded", payload.getBytes(StandardCharsets.UTF_8));
        return f.hex();
    }

    @Test
    void theRunIdDoesNotChangeTheFingerprint() {
        assertThat(hash("historical-s1", "{\"sectionId\":\"historical-s1/section/SU\",\"run\":\"historical-s1\"}"))
                .isEqualTo(hash("other-7", "{\"sectionId\":\"other-7/section/SU\",\"run\":\"other-7\"}"));
    }

    @Test
    void takingTheHashTwiceGivesTheSameValue() {
        Fingerprint f = new Fingerprint("r");
        f.add("r/section/SU", 0, "SectionFounded", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(f.hex()).isEqualTo(f.hex()).isNotEqualTo(new Fingerprint("r").hex());
    }

    @Test
    void anyChangeOfContentChangesIt() {
        assertThat(hash("r", "{\"members\":1}")).isNotEqualTo(hash("r", "{\"members\":2}"));
        // A value that merely starts like the run id is content, not the run.
        assertThat(hash("r", "{\"donor\":\"rx\"}")).isNotEqualTo(hash("r", "{\"donor\":\"qx\"}"));
    }

    @Test
    void runIdsAreReadableAndDistinctPerRepeat() {
        assertThat(ScenarioRunner.nextId("Historical record", 1922, 0)).isEqualTo(RunId.of("historical-record-s1922"));
        assertThat(ScenarioRunner.nextId("historical", 1922, 1).value()).endsWith("-2");
    }
}
