package org.mopr.ledger.simulation.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
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
        if (runId.isEmpty()) {
            throw new IllegalArgumentException("a fingerprint needs the run's id to normalise it, and it is empty");
        }
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
        normalise(payload);
        digest.update((byte) '\n');
        events++;
    }

    /**
     * Hashes the payload with every JSON string that starts with the run id ("run-7/section/SU", "run-7") starting
     * "RUN..." instead: the stretches between matches go to the digest as they are, without a copy of the payload.
     */
    private void normalise(byte[] payload) {
        int from = 0;
        byte first = quotedRun[0];
        // Every JSON string starts with the quote; the run id's first letter rules out nearly all of them at once.
        byte second = quotedRun[1];
        int last = payload.length - quotedRun.length;
        for (int i = 0; i <= last; i++) {
            if (payload[i] == first && payload[i + 1] == second && matchesAt(payload, i)
                    && endsRunToken(payload, i + quotedRun.length)) {
                digest.update(payload, from, i - from);
                digest.update(placeholder);
                i += quotedRun.length - 1;
                from = i + 1;
            }
        }
        digest.update(payload, from, payload.length - from);
    }

    private boolean matchesAt(byte[] payload, int at) {
        return at + quotedRun.length <= payload.length
                && Arrays.equals(payload, at, at + quotedRun.length, quotedRun, 0, quotedRun.length);
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
