package org.mopr.ledger.fund;

import org.junit.jupiter.api.Test;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.shared.DomainException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BalancesTest {

    private static Money usd(long minor) {
        return Money.of(minor, "USD");
    }

    @Test
    void anUntouchedAccountHoldsZeroInAnyCurrency() {
        Balances balances = new Balances();
        assertThat(balances.of("fund/central", Currency.USD)).isEqualTo(usd(0));
        assertThat(balances.of("fund/central", Currency.FRF)).isEqualTo(Money.of(0, "FRF"));
    }

    @Test
    void keepsOneRunningBalancePerAccountAndCurrency() {
        Balances balances = new Balances();
        balances.apply(List.of(Posting.debit("fund/central", usd(500)), Posting.credit("clearing/central", usd(500))));
        balances.apply(List.of(Posting.debit("fund/central", Money.of(700, "FRF")),
                Posting.credit("clearing/central", Money.of(700, "FRF"))));
        balances.apply(List.of(Posting.debit("aid/DE/legal", usd(120)), Posting.credit("fund/central", usd(120))));

        assertThat(balances.of("fund/central", Currency.USD)).isEqualTo(usd(380));
        assertThat(balances.of("fund/central", Currency.FRF)).isEqualTo(Money.of(700, "FRF"));
        assertThat(balances.of("clearing/central", Currency.USD)).isEqualTo(usd(-500));
        assertThat(balances.of("aid/DE/legal", Currency.USD)).isEqualTo(usd(120));
        assertThat(balances.of("fund/central/legal", Currency.USD)).isEqualTo(usd(0));
    }

    @Test
    void coversAPaymentUpToExactlyWhatIsHeld() {
        Balances balances = new Balances();
        balances.apply(List.of(Posting.debit("fund/central", usd(500)), Posting.credit("clearing/central", usd(500))));
        assertThat(balances.requireCover("fund r/fund/central", "fund/central", usd(500), false)).isFalse();
        assertThat(balances.requireCover("fund r/fund/central", "fund/central", usd(1), false)).isFalse();
    }

    @Test
    void refusesToPayOutMoreThanIsHeldNamingOwnerAccountAndAmounts() {
        Balances balances = new Balances();
        balances.apply(List.of(Posting.debit("fund/central", usd(500)), Posting.credit("clearing/central", usd(500))));
        assertThatThrownBy(() -> balances.requireCover("fund hist/fund/central", "fund/central", usd(501), false))
                .isInstanceOf(DomainException.class)
                .hasMessage("fund hist/fund/central holds 5.00 USD in fund/central and cannot pay out 5.01 USD"
                        + " unless the scenario allows an overdraft");
    }

    @Test
    void aBalanceInAnotherCurrencyCoversNothing() {
        Balances balances = new Balances();
        balances.apply(List.of(Posting.debit("fund/central", usd(50_000)), Posting.credit("clearing/central", usd(50_000))));
        assertThatThrownBy(() -> balances.requireCover("fund f", "fund/central", Money.of(1, "FRF"), false))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("holds 0.00 FRF in fund/central and cannot pay out 0.01 FRF");
    }

    @Test
    void anAllowedOverdraftIsReportedNotRefused() {
        Balances balances = new Balances();
        assertThat(balances.requireCover("fund f", "fund/central", usd(100), true)).isTrue();
        assertThatThrownBy(() -> balances.requireCover("fund f", "fund/central", usd(100), false))
                .isInstanceOf(DomainException.class);
    }
}
