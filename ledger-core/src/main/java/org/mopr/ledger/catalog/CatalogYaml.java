package org.mopr.ledger.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * The catalog files' shape as Jackson reads it. Everything is a string here so that {@link ClaimParser} can
 * check enums, dates and codes itself and name the claim in every error.
 */
final class CatalogYaml {

    private CatalogYaml() {
    }

    /** One catalog file: the seed it reads, a description, the sections (affiliates table only) and the claims. */
    record FileSpec(String seed, String title, String description, List<SectionSpec> sections,
                    List<ClaimSpec> claims) {
    }

    record SectionSpec(String code, String country, String groupName, String claim) {
    }

    record ClaimSpec(String id, String subject, String kind, String statement, ValueSpec value, String unit,
                     String currency, String commodity, String event, LinkSpec link, String date,
                     String dateAsWritten, String precision, String scope, String source, String quote,
                     String confidence, List<String> flags, List<String> conflictsWith, String conflictNote,
                     String outOfScope, String note, String partOf, DerivationSpec derivation,
                     List<String> includes) {
    }

    record ValueSpec(String type, BigDecimal amount, BigDecimal low, BigDecimal high, String side) {
    }

    record LinkSpec(String relation, List<String> targets, String mode) {
    }

    record DerivationSpec(String rule, String asOf, List<String> excludeSections) {
    }
}
