package org.mopr.ledger.catalog;

/**
 * A national section as the affiliates table lists it.
 *
 * @param code      stable code: ISO 3166 alpha-2 where the country had or has one (SU, DE, CS, YU), else a slug
 * @param country   the country as the table writes it
 * @param groupName the group's name as written, or null where the table leaves it blank
 * @param claimId   the DATE claim holding the table row and its establishment date
 */
public record Section(String code, String country, String groupName, String claimId) {
}
