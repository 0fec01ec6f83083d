package org.mopr.ledger.projection.income;

import org.mopr.ledger.fund.AidSent;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.projection.engine.BatchPart;
import org.mopr.ledger.projection.engine.Bind;
import org.mopr.ledger.projection.engine.ProjectedEvent;
import org.mopr.ledger.projection.engine.RowBatch;
import org.mopr.ledger.section.DonationReceived;
import org.mopr.ledger.section.DuesCollected;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
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
    private final RowBatch<Totals<IncomeKey>> incomeRows = new RowBatch<>(
            "INSERT INTO proj_income_month AS t (run_id, section_code, kind, currency, month, amount_minor, entries) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, section_code, kind, currency, month) DO UPDATE SET "
                    + "amount_minor = t.amount_minor + EXCLUDED.amount_minor, entries = t.entries + EXCLUDED.entries",
            (ps, t) -> {
                Bind.text(ps, 1, t.key.runId());
                Bind.text(ps, 2, t.key.section());
                Bind.text(ps, 3, t.key.kind().name());
                Bind.text(ps, 4, t.key.currency());
                Bind.month(ps, 5, t.key.month());
                ps.setLong(6, t.amount);
                ps.setLong(7, t.entries);
            });

    private final TreeMap<String, Totals<AidKey>> aid = new TreeMap<>();
    private final RowBatch<Totals<AidKey>> aidRows = new RowBatch<>(
            "INSERT INTO proj_aid_month AS t (run_id, from_account, country, purpose, currency, month, amount_minor, "
                    + "entries, overdrafts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (run_id, from_account, country, purpose, currency, month) DO UPDATE SET "
                    + "amount_minor = t.amount_minor + EXCLUDED.amount_minor, entries = t.entries + EXCLUDED.entries, "
                    + "overdrafts = t.overdrafts + EXCLUDED.overdrafts",
            (ps, t) -> {
                Bind.text(ps, 1, t.key.runId());
                Bind.text(ps, 2, t.key.from());
                Bind.text(ps, 3, t.key.country());
                Bind.text(ps, 4, t.key.purpose());
                Bind.text(ps, 5, t.key.currency());
                Bind.month(ps, 6, t.key.month());
                ps.setLong(7, t.amount);
                ps.setLong(8, t.entries);
                ps.setLong(9, t.overdrafts);
            });

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
