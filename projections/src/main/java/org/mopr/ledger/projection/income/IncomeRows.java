package org.mopr.ledger.projection.income;

import org.mopr.ledger.fund.AidSent;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.projection.engine.BatchPart;
import org.mopr.ledger.projection.engine.ProjectedEvent;
import org.mopr.ledger.projection.engine.ColumnInsert;
import org.mopr.ledger.projection.engine.ColumnUpsert;
import org.mopr.ledger.section.DonationReceived;
import org.mopr.ledger.section.DuesCollected;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Dues and donations by section, month and currency; aid by paying account, country, purpose, month and currency. */
public final class IncomeRows implements BatchPart {

    private record IncomeKey(String runId, String section, IncomeKind kind, String currency, YearMonth month) {
    }

    private record AidKey(String runId, String from, String country, String purpose, String currency, YearMonth month) {
    }

    /** Folded amounts: sum, count and (for aid) how many payments overdrew their fund. */
    private static final class Totals<K> {
        final K key;
        long amount;
        long entries;
        long overdrafts;

        Totals(K key) {
            this.key = key;
        }

        void add(Money money, boolean overdraft) {
            amount = Math.addExact(amount, money.minor());
            entries++;
            overdrafts += overdraft ? 1 : 0;
        }
    }

    private final TreeMap<String, Totals<IncomeKey>> income = new TreeMap<>();
    private final Map<IncomeKey, Totals<IncomeKey>> incomeByKey = new HashMap<>();
    private final ColumnUpsert<Totals<IncomeKey>> incomeRows = new ColumnUpsert<>("proj_income_month", List.of(
            new ColumnInsert.Column<>("run_id", "varchar", t -> t.key.runId()),
            new ColumnInsert.Column<>("section_code", "varchar", t -> t.key.section()),
            new ColumnInsert.Column<>("kind", "varchar", t -> t.key.kind().name()),
            new ColumnInsert.Column<>("currency", "varchar", t -> t.key.currency()),
            new ColumnInsert.Column<>("month", "date", t -> t.key.month().atDay(1)),
            new ColumnInsert.Column<>("amount_minor", "int8", t -> t.amount),
            new ColumnInsert.Column<>("entries", "int8", t -> t.entries)),
            "ON CONFLICT (run_id, section_code, kind, currency, month) DO UPDATE SET "
                    + "amount_minor = t.amount_minor + EXCLUDED.amount_minor, entries = t.entries + EXCLUDED.entries");

    private final TreeMap<String, Totals<AidKey>> aid = new TreeMap<>();
    private final ColumnUpsert<Totals<AidKey>> aidRows = new ColumnUpsert<>("proj_aid_month", List.of(
            new ColumnInsert.Column<>("run_id", "varchar", t -> t.key.runId()),
            new ColumnInsert.Column<>("from_account", "varchar", t -> t.key.from()),
            new ColumnInsert.Column<>("country", "varchar", t -> t.key.country()),
            new ColumnInsert.Column<>("purpose", "varchar", t -> t.key.purpose()),
            new ColumnInsert.Column<>("currency", "varchar", t -> t.key.currency()),
            new ColumnInsert.Column<>("month", "date", t -> t.key.month().atDay(1)),
            new ColumnInsert.Column<>("amount_minor", "int8", t -> t.amount),
            new ColumnInsert.Column<>("entries", "int8", t -> t.entries),
            new ColumnInsert.Column<>("overdrafts", "int8", t -> t.overdrafts)),
            "ON CONFLICT (run_id, from_account, country, purpose, currency, month) DO UPDATE SET "
                    + "amount_minor = t.amount_minor + EXCLUDED.amount_minor, entries = t.entries + EXCLUDED.entries, "
                    + "overdrafts = t.overdrafts + EXCLUDED.overdrafts");

    @Override
    public void add(ProjectedEvent event) {
        Object p = event.payload();
        if (p instanceof DuesCollected e) {
            addIncome(event.runId(), e.sectionId().code(), IncomeKind.DUES, e.paidOn(), e.amount());
        } else if (p instanceof DonationReceived e) {
            addIncome(event.runId(), e.sectionId().code(), IncomeKind.DONATION, e.receivedOn(), e.amount());
        } else if (p instanceof AidSent e) {
            AidKey key = new AidKey(event.runId(), e.fromAccount(), e.country(), e.purpose().name(),
                    e.amount().currency().code(), YearMonth.from(e.sentOn()));
            aid.computeIfAbsent(String.join("\u0000", key.runId(), key.from(), key.country(), key.purpose(),
                    key.currency(), key.month().toString()), k -> new Totals<>(key)).add(e.amount(), e.overdraft());
        }
    }

    private void addIncome(String run, String section, IncomeKind kind, LocalDate on, Money amount) {
        IncomeKey key = new IncomeKey(run, section, kind, amount.currency().code(), YearMonth.from(on));
        // Found by the key's hash (a member-level batch adds to a few totals thousands of times), written in key order.
        Totals<IncomeKey> totals = incomeByKey.get(key);
        if (totals == null) {
            totals = new Totals<>(key);
            incomeByKey.put(key, totals);
            income.put(String.join("\u0000", run, section, kind.name(), key.currency(), key.month().toString()), totals);
        }
        totals.add(amount, false);
    }

    @Override
    public void flush(JdbcTemplate jdbc) {
        incomeRows.write(jdbc, income.values());
        aidRows.write(jdbc, aid.values());
    }
}
