package org.mopr.ledger.projection.ledger;

import org.mopr.ledger.fund.MoneyMovement;
import org.mopr.ledger.fund.Posting;
import org.mopr.ledger.projection.engine.BatchPart;
import org.mopr.ledger.projection.engine.ColumnInsert;
import org.mopr.ledger.projection.engine.ColumnUpsert;
import org.mopr.ledger.projection.engine.ProjectedEvent;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The double-entry projections of every movement of money: journal lines (one per posting), balances, monthly
 * movements per account, and flows between accounts. Sums are folded per batch and upserted once per key, in
 * key order so that two batches writing the same keys take their locks in the same order, one statement per table
 * ({@link ColumnUpsert}).
 */
public final class LedgerRows implements BatchPart {

    private record Line(String runId, long globalIndex, int leg, LocalDate on, Posting posting, String eventType,
                        String origin, Long provenanceId) {
    }

    /** A running sum under a key: the key's columns, an amount (or debit and credit) and a count. */
    private static final class Sum {
        final String runId;
        final String account;
        final String other;      // flows: the destination account
        final String currency;
        final YearMonth month;
        long amount;
        long credit;
        long count;

        Sum(String runId, String account, String other, String currency, YearMonth month) {
            this.runId = runId;
            this.account = account;
            this.other = other;
            this.currency = currency;
            this.month = month;
        }
    }

    private final ColumnInsert<Line> journal = new ColumnInsert<>("proj_journal", List.of(
            new ColumnInsert.Column<>("run_id", "varchar", Line::runId),
            new ColumnInsert.Column<>("global_index", "int8", Line::globalIndex),
            new ColumnInsert.Column<>("leg", "int2", l -> (short) l.leg()),
            new ColumnInsert.Column<>("posted_on", "date", Line::on),
            new ColumnInsert.Column<>("account", "varchar", l -> l.posting().account()),
            new ColumnInsert.Column<>("currency", "varchar", l -> l.posting().amount().currency().code()),
            new ColumnInsert.Column<>("amount_minor", "int8", l -> l.posting().amount().minor()),
            new ColumnInsert.Column<>("event_type", "varchar", Line::eventType),
            new ColumnInsert.Column<>("origin", "varchar", Line::origin),
            new ColumnInsert.Column<>("provenance_id", "int8", Line::provenanceId)));

    /**
     * What a sum is kept under. Balances have neither {@code other} nor {@code month}; months no {@code other}; flows
     * both; so the three kinds never share a key in {@link #byKey}.
     */
    private record SumKey(String run, String account, String other, String currency, YearMonth month) {
    }

    /** Every sum of the batch, by its key: the lookup; the sorted maps below give the order of the write. */
    private final Map<SumKey, Sum> byKey = new HashMap<>();

    private final TreeMap<String, Sum> balances = new TreeMap<>();
    private final ColumnUpsert<Sum> balanceRows = new ColumnUpsert<>("proj_balance", List.of(
            new ColumnInsert.Column<>("run_id", "varchar", s -> s.runId),
            new ColumnInsert.Column<>("account", "varchar", s -> s.account),
            new ColumnInsert.Column<>("currency", "varchar", s -> s.currency),
            new ColumnInsert.Column<>("balance_minor", "int8", s -> s.amount),
            new ColumnInsert.Column<>("postings", "int8", s -> s.count)),
            "ON CONFLICT (run_id, account, currency) DO UPDATE SET "
                    + "balance_minor = t.balance_minor + EXCLUDED.balance_minor, postings = t.postings + EXCLUDED.postings");

    private final TreeMap<String, Sum> months = new TreeMap<>();
    private final ColumnUpsert<Sum> monthRows = new ColumnUpsert<>("proj_account_month", List.of(
            new ColumnInsert.Column<>("run_id", "varchar", s -> s.runId),
            new ColumnInsert.Column<>("account", "varchar", s -> s.account),
            new ColumnInsert.Column<>("currency", "varchar", s -> s.currency),
            new ColumnInsert.Column<>("month", "date", s -> s.month.atDay(1)),
            new ColumnInsert.Column<>("debit_minor", "int8", s -> s.amount),
            new ColumnInsert.Column<>("credit_minor", "int8", s -> s.credit),
            new ColumnInsert.Column<>("postings", "int8", s -> s.count)),
            "ON CONFLICT (run_id, account, currency, month) DO UPDATE SET "
                    + "debit_minor = t.debit_minor + EXCLUDED.debit_minor, "
                    + "credit_minor = t.credit_minor + EXCLUDED.credit_minor, postings = t.postings + EXCLUDED.postings");

    private final TreeMap<String, Sum> flows = new TreeMap<>();
    private final ColumnUpsert<Sum> flowRows = new ColumnUpsert<>("proj_flow_month", List.of(
            new ColumnInsert.Column<>("run_id", "varchar", s -> s.runId),
            new ColumnInsert.Column<>("from_account", "varchar", s -> s.account),
            new ColumnInsert.Column<>("to_account", "varchar", s -> s.other),
            new ColumnInsert.Column<>("currency", "varchar", s -> s.currency),
            new ColumnInsert.Column<>("month", "date", s -> s.month.atDay(1)),
            new ColumnInsert.Column<>("amount_minor", "int8", s -> s.amount),
            new ColumnInsert.Column<>("movements", "int8", s -> s.count)),
            "ON CONFLICT (run_id, from_account, to_account, currency, month) "
                    + "DO UPDATE SET amount_minor = t.amount_minor + EXCLUDED.amount_minor, "
                    + "movements = t.movements + EXCLUDED.movements");

    @Override
    public void add(ProjectedEvent event) {
        if (!(event.payload() instanceof MoneyMovement movement)) {
            return;
        }
        List<Posting> postings = Movements.balancedPostings(event, movement);
        LocalDate on = Movements.dayOf(event);
        YearMonth month = YearMonth.from(on);
        String run = event.runId();
        for (int leg = 0; leg < postings.size(); leg++) {
            Posting p = postings.get(leg);
            journal.add(new Line(run, event.globalIndex(), leg, on, p, event.eventType(), event.origin(), event.provenanceId()));
            String currency = p.amount().currency().code();
            long minor = p.amount().minor();
            Sum balance = sum(balances, new SumKey(run, p.account(), null, currency, null));
            balance.amount = Math.addExact(balance.amount, minor);
            balance.count++;
            Sum inMonth = sum(months, new SumKey(run, p.account(), null, currency, month));
            if (minor >= 0) {
                inMonth.amount = Math.addExact(inMonth.amount, minor);
            } else {
                inMonth.credit = Math.addExact(inMonth.credit, -minor);
            }
            inMonth.count++;
        }
        for (Movements.Flow f : Movements.flows(postings)) {
            Sum flow = sum(flows, new SumKey(run, f.from(), f.to(), f.amount().currency().code(), month));
            flow.amount = Math.addExact(flow.amount, f.amount().minor());
            flow.count++;
        }
    }

    /**
     * The running sum under {@code key} in {@code sorted}: found by hashing the key's fields (a batch of a member-level
     * run adds to the same few sums thousands of times), kept sorted by the joined key for the write.
     */
    private Sum sum(TreeMap<String, Sum> sorted, SumKey key) {
        Sum found = byKey.get(key);
        if (found == null) {
            found = new Sum(key.run(), key.account(), key.other(), key.currency(), key.month());
            byKey.put(key, found);
            sorted.put(key.other() != null ? key(key.run(), key.account(), key.other(), key.currency(), key.month().toString())
                    : key.month() != null ? key(key.run(), key.account(), key.currency(), key.month().toString())
                    : key(key.run(), key.account(), key.currency()), found);
        }
        return found;
    }

    /** Map keys: fields joined by a separator that no account, run or currency contains. */
    private static String key(String... parts) {
        return String.join("\u0000", parts);
    }

    @Override
    public void encode() {
        journal.encode();
    }

    @Override
    public void flush(JdbcTemplate jdbc) {
        journal.flush(jdbc);
        balanceRows.write(jdbc, balances.values());
        monthRows.write(jdbc, months.values());
        flowRows.write(jdbc, flows.values());
    }
}
