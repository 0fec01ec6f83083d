package org.mopr.ledger.simulation.run;

import org.junit.jupiter.api.Test;
import org.mopr.ledger.shared.RunId;

import java.nio.charset.StandardCharsets;
import java.util.List;

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

    /** The digest of one event as the class documents it, with the run's strings rewritten by a regular expression. */
    private static String reference(String run, String aggregate, String payload) throws Exception {
        String normalised = payload.replaceAll("\"" + java.util.regex.Pattern.quote(run) + "(?=[\"/])", "\"RUN");
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
        digest.update(("RUN/" + aggregate + "|0|T|" + normalised + "\n").getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    @Test
    void theRunIsReplacedWhereverItStandsAndNowhereElse() throws Exception {
        String run = "hist-s1";
        List<String> pieces = List.of("\"hist-s1\"", "\"hist-s1/section/SU\"", "\"hist-s1x\"", "\"hist-s\"", "\"h\"",
                "\"hist-s1", "hist-s1\"", "\"\"", ":", "{", "}");
        java.util.Random random = new java.util.Random(7);
        for (int n = 0; n < 500; n++) {
            StringBuilder payload = new StringBuilder();
            for (int k = random.nextInt(6); k >= 0; k--) {
                payload.append(pieces.get(random.nextInt(pieces.size())));
            }
            Fingerprint f = new Fingerprint(run);
            f.add(run + "/fund/x", 0, "T", payload.toString().getBytes(StandardCharsets.UTF_8));
            assertThat(f.hex()).as(payload.toString()).isEqualTo(reference(run, "fund/x", payload.toString()));
        }
    }

    @Test
    void runIdsAreReadableAndDistinctPerRepeat() {
        assertThat(ScenarioRunner.nextId("Historical record", 1922, 0)).isEqualTo(RunId.of("historical-record-s1922"));
        assertThat(ScenarioRunner.nextId("historical", 1922, 1).value()).endsWith("-2");
    }
}
