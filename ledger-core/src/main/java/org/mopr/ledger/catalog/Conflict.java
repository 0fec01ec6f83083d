package org.mopr.ledger.catalog;

/**
 * Two claims that cannot both be true, or a count that the affiliates table cannot account for. Both claims
 * stay in the catalog; a scenario chooses between them and the reconciliation shows both.
 *
 * @param first  the smaller claim id of the pair
 * @param second the larger claim id
 * @param type   a contradiction between passages, or a stated count set against a count derived from the table
 * @param note   why they disagree, from the claims' conflict notes
 */
public record Conflict(String first, String second, Type type, String note) {

    public enum Type { CONTRADICTION, UNEXPLAINED_COUNT }
}
