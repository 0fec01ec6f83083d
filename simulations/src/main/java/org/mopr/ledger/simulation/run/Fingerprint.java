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
    private final String quotedRunText;
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
        this.quotedRunText = new String(quotedRun, StandardCharsets.ISO_8859_1);
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
     * "RUN..." instead: the stretches between matches go to the digest as they are. The search runs on the payload
     * read as ISO-8859-1, one char per byte so that indexes are byte offsets, because String.indexOf is vectorised by
     * the JVM where a loop over the bytes is not: the loop was most of a large run's read-back.
     */
    private void normalise(byte[] payload) {
        String text = new String(payload, StandardCharsets.ISO_8859_1);
        int from = 0;
        int at = text.indexOf(quotedRunText);
        while (at >= 0) {
            int after = at + quotedRun.length;
            if (endsRunToken(payload, after)) {
                digest.update(payload, from, at - from);
                digest.update(placeholder);
                from = after;
                at = text.indexOf(quotedRunText, after);
            } else {
                at = text.indexOf(quotedRunText, at + 1);
            }
        }
        digest.update(payload, from, payload.length - from);
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
