package org.mopr.ledger.projection.explain;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.mopr.ledger.projection.engine.ProjectionException;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.shared.LedgerJson;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The stored id of a provenance: the first 8 bytes of SHA-256 over its JSON. The JSON is deterministic (sorted
 * parameters, claims in order), so the live processor and a replay give every provenance the same id; 64 bits
 * keep collisions out of reach for any number of provenances a run can have.
 */
public final class ProvenanceIds {

    private ProvenanceIds() {
    }

    public static long of(Provenance provenance) {
        try {
            byte[] json = LedgerJson.mapper().writeValueAsBytes(provenance);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new ProjectionException("cannot hash provenance " + provenance + ": " + e.getMessage());
        }
    }

    static String parametersJson(Provenance provenance) {
        try {
            return LedgerJson.mapper().writeValueAsString(provenance.parameters());
        } catch (JsonProcessingException e) {
            throw new ProjectionException("cannot write the parameters of " + provenance + ": " + e.getMessage());
        }
    }
}
