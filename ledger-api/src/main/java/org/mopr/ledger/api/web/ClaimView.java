package org.mopr.ledger.api.web;

import org.mopr.ledger.catalog.Claim;
import org.mopr.ledger.catalog.ClaimKind;
import org.mopr.ledger.catalog.ValueType;
import org.mopr.ledger.money.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * A documented claim as the API shows it: what it states, its value as written and (for single money figures) in
 * minor units, its date with precision and bounds, and the citation a reader can check against the seed.
 */
public record ClaimView(String id, String subject, String kind, String statement, String value, String valueType,
                        String unit, Money money, DateView date, String scope, String source, String quote,
                        String confidence, List<String> flags, List<String> conflictsWith, String conflictNote,
                        String outOfScope, String note, String partOf) {

    /** A date as the source gave it: ISO text with its precision, and the first and last day it can mean. */
    public record DateView(String text, String precision, LocalDate earliest, LocalDate latest) {
    }

    public static ClaimView of(Claim c) {
        Money money = c.kind() == ClaimKind.MONEY && c.value().type() != ValueType.RANGE
                && c.value().type() != ValueType.UNSTATED ? c.money() : null;
        return new ClaimView(c.id(), c.subject().toString(), c.kind().name(), c.statement(), c.renderValue(),
                c.value() == null ? null : c.value().type().name(), c.renderUnit(), money,
                c.date() == null ? null : new DateView(c.date().toString(), c.date().precision().name(),
                        c.date().earliest(), c.date().latest()),
                c.scope() == null ? null : c.scope().toString(), c.source(), c.quote(),
                c.confidence() == null ? null : c.confidence().name(),
                c.flags().stream().map(Enum::name).toList(), c.conflictsWith(), c.conflictNote(), c.outOfScope(),
                c.note(), c.partOf());
    }
}
