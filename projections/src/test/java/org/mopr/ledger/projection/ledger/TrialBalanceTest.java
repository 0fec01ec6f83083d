package org.mopr.ledger.projection.ledger;

import org.junit.jupiter.api.Test;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.projection.support.ProjectionDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrialBalanceTest {

    @Test
    void balancedBooksPassAndABrokenOneFailsLoudlyWithRunCurrencyAndAmount() {
        ProjectionDatabase db = ProjectionDatabase.withStory("trial", "t1");
        TrialBalance trial = new TrialBalance(db.jdbc);
        trial.verify(null);
        trial.verify("t1");
        trial.verifyJournal("t1");
        assertThat(trial.imbalances(null)).isEmpty();

        db.jdbc.update("UPDATE proj_balance SET balance_minor = balance_minor + 7 WHERE account = 'aid/PL/material'");
        assertThatThrownBy(() -> trial.verify("t1"))
                .isInstanceOfSatisfying(TrialBalanceException.class, e -> {
                    assertThat(e.run()).isEqualTo("t1");
                    assertThat(e.amount()).isEqualTo(Money.of(7, "USD"));
                })
                .hasMessageContaining("run t1 USD postings sum to 0.07 USD");

        db.jdbc.update("UPDATE proj_journal SET amount_minor = amount_minor - 3 WHERE account = 'aid/PL/material'");
        assertThatThrownBy(() -> trial.verifyJournal(null)).hasMessageContaining("-0.03 USD");
    }

    @Test
    void aClearingAccountIsSettledOnlyOnceTheRemittanceIsReceived() {
        ProjectionDatabase db = ProjectionDatabase.withStory("clearing", "c1");
        TrialBalance trial = new TrialBalance(db.jdbc);
        trial.requireSettled("c1");
        // Take the receiving side away: 30.00 USD are now in transit.
        db.jdbc.update("UPDATE proj_balance SET balance_minor = 3000 WHERE account = 'clearing/central'");
        assertThat(trial.inTransit("c1")).extracting(b -> b.account() + " " + b.balance()).containsExactly("clearing/central 30.00 USD");
        assertThatThrownBy(() -> trial.requireSettled("c1")).isInstanceOf(TrialBalanceException.class)
                .hasMessageContaining("clearing/central holds 30.00 USD");
    }
}
