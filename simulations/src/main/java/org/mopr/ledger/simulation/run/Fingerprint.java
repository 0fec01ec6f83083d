package org.mopr.ledger.simulation.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 over a run's events in store order: aggregate, sequence, type and payload. The run id is
 * replaced by a placeholder first, so the same scenario and seed give the same fingerprint in any run,
 * on any machine. Event ids and timestamps are left out: they differ by nature and say nothing of content.
 */
public final class Fingerprint {

    private final MessageDigest digest;
    private final String runPrefix;
    private final byte[] quotedRun;
    private final byte[] placeholder = "\"RUN".getBytes(StandardCharsets.UTF_8);
    private long events;
    private String hex;

    public Fingerprint(String runId) {
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        this.runPrefix = runId + "/";
        this.quotedRun = ("\"" + runId).getBytes(StandardCharsets.UTF_8);
    }

    public void add(String aggregateId, long sequence, String payloadType, byte[] payload) {
        if (hex != null) {
            throw new IllegalStateException("the fingerprint was already taken");
        }
        String aggregate = aggregateId.startsWith(runPrefix) ? "RUN/" + aggregateId.substring(runPrefix.length()) : aggregateId;
        digest.update((aggregate + "|" + sequence + "|" + payloadType + "|").getBytes(StandardCharsets.UTF_8));
        digest.update(normalise(payload));
        digest.update((byte) '\n');
        events++;
    }

    /** Replaces every JSON string that starts with the run id ("run-7/section/SU", "run-7") by "RUN...". */
    private byte[] normalise(byte[] payload) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(payload.length);
        int i = 0;
        while (i < payload.length) {
            if (matchesAt(payload, i) && endsRunToken(payload, i + quotedRun.length)) {
                out.write(placeholder, 0, placeholder.length);
                i += quotedRun.length;
            } else {
                out.write(payload[i++]);
            }
        }
        return out.toByteArray();
    }

    private boolean matchesAt(byte[] payload, int at) {
        if (at + quotedRun.length > payload.length) {
            return false;
        }
        for (int k = 0; k < quotedRun.length; k++) {
            if (payload[at + k] != quotedRun[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsRunToken(byte[] payload, int at) {
        return at < payload.length && (payload[at] == '"' || payload[at] == '/');
    }

    public long events() {
        return events;
    }

    /** The hash; taking it ends the fingerprint, so later calls return the same value and add() refuses. */
    public synchronized String hex() {
        if (hex == null) {
            hex = HexFormat.of().formatHex(digest.digest());
        }
        return hex;
    }
}
