package org.mopr.ledger.fund;

import org.junit.jupiter.api.Test;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.shared.DomainException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostingsTest {

    private static Money usd(long minor) {
        return Money.of(minor, "USD");
    }

    private static Money frf(long minor) {
        return Money.of(minor, "FRF");
    }

    @Test
    void debitIsPositiveCreditNegative() {
        assertThat(Posting.debit("fund/central", usd(500)).amount()).isEqualTo(usd(500));
        assertThat(Posting.credit("fund/central", usd(500)).amount()).isEqualTo(usd(-500));
    }

    @Test
    void aPostingNamesAnAccountAndAnAmount() {
        assertThatThrownBy(() -> new Posting(" ", usd(500)))
                .isInstanceOf(DomainException.class).hasMessage("posting of 5.00 USD names no account");
        assertThatThrownBy(() -> new Posting(null, usd(500)))
                .isInstanceOf(DomainException.class).hasMessage("posting of 5.00 USD names no account");
        assertThatThrownBy(() -> new Posting("fund/central", null))
                .isInstanceOf(DomainException.class).hasMessage("posting to fund/central has no amount");
    }

    @Test
    void balancedPostingsPassAndComeBackAsAnImmutableCopy() {
        List<Posting> legs = new ArrayList<>(List.of(
                Posting.debit("fund/central/legal", usd(300)),
                Posting.debit("fund/central/parcels", usd(200)),
                Posting.credit("fund/central", usd(500))));
        List<Posting> checked = Postings.requireBalanced(legs);
        legs.clear();
        assertThat(checked).hasSize(3);
        assertThatThrownBy(() -> checked.add(Posting.debit("x", usd(1)))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void eachCurrencyBalancesOnItsOwn() {
        List<Posting> legs = List.of(
                Posting.debit("fund/central", usd(500)), Posting.credit("clearing/central", usd(500)),
                Posting.debit("fund/central", frf(9_000)), Posting.credit("clearing/central", frf(9_000)));
        assertThat(Postings.requireBalanced(legs)).isEqualTo(legs);
        assertThat(Postings.sums(legs)).isEqualTo(Map.of(Currency.FRF, frf(0), Currency.USD, usd(0)));
        assertThat(Postings.sums(legs).keySet()).containsExactly(Currency.FRF, Currency.USD);
    }

    @Test
    void unbalancedPostingsAreRefusedNamingCurrencyAndDifference() {
        List<Posting> legs = List.of(Posting.debit("fund/central", usd(500)), Posting.credit("clearing/central", usd(450)));
        assertThatThrownBy(() -> Postings.requireBalanced(legs))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("postings do not balance in USD: debits exceed credits by 0.50 USD");
    }

    @Test
    void aMovementBalancedInTotalButNotPerCurrencyIsRefused() {
        List<Posting> legs = List.of(
                Posting.debit("fund/central", usd(500)), Posting.credit("clearing/central", usd(500)),
                Posting.debit("fund/central", frf(100)), Posting.credit("clearing/central", usd(100)));
        assertThatThrownBy(() -> Postings.requireBalanced(legs))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("do not balance in FRF: debits exceed credits by 1.00 FRF");
    }

    @Test
    void creditsExceedingDebitsShowAsANegativeDifference() {
        List<Posting> legs = List.of(Posting.debit("fund/central", frf(100)), Posting.credit("clearing/central", frf(250)));
        assertThatThrownBy(() -> Postings.requireBalanced(legs))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("do not balance in FRF: debits exceed credits by -1.50 FRF");
    }

    @Test
    void aMovementNeedsAtLeastTwoLegs() {
        assertThatThrownBy(() -> Postings.requireBalanced(null))
                .isInstanceOf(DomainException.class).hasMessage("a movement of money needs at least two postings, got 0");
        assertThatThrownBy(() -> Postings.requireBalanced(List.of(Posting.debit("fund/central", usd(0)))))
                .isInstanceOf(DomainException.class).hasMessage("a movement of money needs at least two postings, got 1");
    }

    @Test
    void aTransactionHasAtMostMaxLegs() {
        List<Posting> atMost = new ArrayList<>();
        for (int i = 0; i < Postings.MAX_LEGS / 2; i++) {
            atMost.add(Posting.debit("fund/central/" + i, usd(1)));
            atMost.add(Posting.credit("clearing/central", usd(1)));
        }
        assertThat(Postings.requireBalanced(atMost)).hasSize(Postings.MAX_LEGS);

        List<Posting> tooMany = new ArrayList<>(atMost);
        tooMany.add(Posting.debit("fund/central/x", usd(0)));
        assertThatThrownBy(() -> Postings.requireBalanced(tooMany))
                .isInstanceOf(DomainException.class)
                .hasMessage("a transaction may have at most 64 postings, got 65");
    }
}
