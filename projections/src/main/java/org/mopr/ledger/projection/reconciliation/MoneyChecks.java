package org.mopr.ledger.projection.reconciliation;

import org.mopr.ledger.catalog.Claim;
import org.mopr.ledger.catalog.Subject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Money claims. The Soviet section's are aid it sent (checked against aid sent in the claim's period, and a
 * derived line checks it was first collected from members); other sections' are collections. A total in
 * one currency that the sources say includes sums in others (440,000 gold rubles) is checked by converting
 * those through the run's declared rates, each named with its citation or assumption flag.
 */
final class MoneyChecks {

    static final String SOVIET = "SU";
    static final String GOLD_RUBLE = "XRG";

    private MoneyChecks() {
    }

    static List<Line> check(Claim c, RunFacts facts) {
        String code = c.subject().name();
        if (c.subject().type() != Subject.Type.SECTION && c.subject().type() != Subject.Type.COUNTRY) {
            return List.of(Checks.uncheckable(c, "TOTAL", "the ledger keeps money by section; this claim is about "
                    + c.subject()));
        }
        LocalDate from = c.date().earliest();
        LocalDate to = c.date().latest();
        if (from == null || to == null) {
            return List.of(Checks.uncheckable(c, "TOTAL", "the claim's period " + c.dateText() + " is open"));
        }
        String currency = c.currency().code();
        long expected = c.money().minor();
        if (!SOVIET.equals(code)) {
            long actual = facts.income(code, "DONATION", currency, from, to) + facts.income(code, "DUES", currency, from, to);
            return List.of(total(c, expected, actual, currency, "collected by section " + code + " in " + c.dateText()));
        }
        List<Line> lines = new ArrayList<>();
        Map<String, Long> aid = facts.aidByCurrency(from, to);
        Converted sent = inCurrency(aid, currency, facts, to, c);
        lines.add(withReason(total(c, expected, sent.minor(), currency, "aid sent in " + c.dateText()), sent));
        Map<String, Long> collected = new java.util.TreeMap<>();
        for (String cur : aid.keySet()) {
            collected.put(cur, facts.income(SOVIET, "DUES", cur, from, to));
        }
        Converted dues = inCurrency(collected, currency, facts, to, c);
        Line derived = withReason(total(c, expected, dues.minor(), currency,
                "collected from the Soviet section's members in " + c.dateText() + " (derived: what was sent was first collected)"), dues);
        lines.add(derived.withClaimId(c.id() + "/collected"));
        return lines;
    }

    private record Converted(long minor, String note, boolean missingRate) {
    }

    /** Native amounts in the claim's currency plus the others converted through the run's rates. */
    private static Converted inCurrency(Map<String, Long> byCurrency, String currency, RunFacts facts, LocalDate day, Claim c) {
        // Gold rubles are MOPR's unit of account: a gold-ruble total counts every currency, converted.
        boolean includesOthers = GOLD_RUBLE.equals(currency);
        long total = byCurrency.getOrDefault(currency, 0L);
        StringBuilder note = new StringBuilder();
        boolean missing = false;
        if (includesOthers) {
            for (Map.Entry<String, Long> other : byCurrency.entrySet()) {
                if (other.getKey().equals(currency)) {
                    continue;
                }
                Optional<RunFacts.Rate> rate = facts.rate(other.getKey(), currency, day);
                if (rate.isEmpty()) {
                    missing = true;
                    note.append("; no ").append(other.getKey()).append("->").append(currency).append(" rate declared, ")
                            .append(Checks.money(other.getValue(), other.getKey())).append(" left out");
                    continue;
                }
                RunFacts.Rate r = rate.get();
                long converted = BigDecimal.valueOf(other.getValue()).multiply(BigDecimal.valueOf(r.numerator()))
                        .divide(BigDecimal.valueOf(r.denominator()), 0, RoundingMode.HALF_UP).longValueExact();
                total += converted;
                note.append("; ").append(Checks.money(other.getValue(), other.getKey())).append(" at ")
                        .append(r.numerator()).append("/").append(r.denominator()).append(" = ")
                        .append(Checks.money(converted, currency))
                        .append(r.assumption() ? " (assumed rate)" : " (rate: " + r.citation() + ")");
            }
        }
        return new Converted(total, note.toString(), missing);
    }

    private static Line total(Claim c, long expected, long actual, String currency, String what) {
        Status status = expected == actual ? Status.MATCH : Status.MISMATCH;
        return Checks.line(c, "TOTAL", status, Checks.money(expected, currency), Checks.money(actual, currency),
                Checks.money(actual - expected, currency), what);
    }

    private static Line withReason(Line line, Converted converted) {
        Status status = converted.missingRate() && line.status() == Status.MISMATCH ? Status.INCOMPLETE : line.status();
        return line.withReason(status, line.reason() + converted.note());
    }
}
