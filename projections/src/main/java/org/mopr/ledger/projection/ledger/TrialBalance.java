package org.mopr.ledger.projection.ledger;

import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.projection.query.Args;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The trial balance: in every run and currency the postings sum to zero. {@link #verify} checks the balances (one
 * row per account, fast at any size), {@link #verifyJournal} re-adds every posting of the journal. A clearing
 * account holds remittances a section sent and the fund has not yet received; once all are received it is zero,
 * which {@link #requireSettled} checks.
 */
public final class TrialBalance {

    /** A run's postings in one currency that do not sum to zero. */
    public record Imbalance(String run, Money amount) {
    }

    private final JdbcTemplate jdbc;

    public TrialBalance(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Non-zero sums of the balances per run and currency; {@code run} null checks every run. */
    public List<Imbalance> imbalances(String run) {
        return sums("proj_balance", "balance_minor", run);
    }

    /** The same check over every posting of the journal (a full scan: for tests, audits and after a replay). */
    public List<Imbalance> journalImbalances(String run) {
        return sums("proj_journal", "amount_minor", run);
    }

    /** Fails loudly, naming the run, the currency and the amount, unless every run's balances sum to zero. */
    public void verify(String run) {
        fail(imbalances(run), "balances");
    }

    public void verifyJournal(String run) {
        fail(journalImbalances(run), "journal");
    }

    /** Clearing accounts that still hold money: remittances sent and not yet received. */
    public List<AccountBalance> inTransit(String run) {
        return jdbc.query("SELECT account, currency, balance_minor, postings FROM proj_balance WHERE run_id = ? "
                        + "AND account LIKE 'clearing/%' AND balance_minor <> 0 ORDER BY account, currency",
                (rs, n) -> new AccountBalance(rs.getString(1), new Money(rs.getLong(3), Currency.of(rs.getString(2))),
                        rs.getLong(4)), Args.run(run));
    }

    /** For a run whose remittances have all been received: every clearing account must be back at zero. */
    public void requireSettled(String run) {
        List<AccountBalance> open = inTransit(run);
        if (!open.isEmpty()) {
            AccountBalance first = open.get(0);
            throw new TrialBalanceException(run, first.balance(), "run " + run + ": clearing accounts are not settled: "
                    + open.stream().map(b -> b.account() + " holds " + b.balance()).collect(Collectors.joining(", ")));
        }
    }

    private List<Imbalance> sums(String table, String column, String run) {
        String filter = run == null ? "" : " WHERE run_id = ?";
        Object[] args = run == null ? new Object[0] : new Object[]{Args.run(run)};
        return jdbc.query("SELECT run_id, currency, sum(" + column + ") FROM " + table + filter
                        + " GROUP BY run_id, currency HAVING sum(" + column + ") <> 0 ORDER BY run_id, currency",
                (rs, n) -> new Imbalance(rs.getString(1), new Money(rs.getLong(3), Currency.of(rs.getString(2)))), args);
    }

    private static void fail(List<Imbalance> imbalances, String what) {
        if (!imbalances.isEmpty()) {
            Imbalance first = imbalances.get(0);
            throw new TrialBalanceException(first.run(), first.amount(), "trial balance broken (" + what + "): "
                    + imbalances.stream().map(i -> "run " + i.run() + " " + i.amount().currency() + " postings sum to "
                    + i.amount()).collect(Collectors.joining("; ")));
        }
    }
}
