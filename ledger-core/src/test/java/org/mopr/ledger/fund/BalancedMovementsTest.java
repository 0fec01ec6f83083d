package org.mopr.ledger.fund;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.section.SectionId;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mopr.ledger.fund.BalancedMovements.everyMoneyMovementBalanced;

/** The fixtures' double-entry check must be able to fail, or the aggregate tests prove nothing with it. */
class BalancedMovementsTest {

    private static final FundId CENTRAL = FundId.parse("hist/fund/central");

    private static EventMessage<?> message(Object payload) {
        return GenericEventMessage.asEventMessage(payload);
    }

    @Test
    void acceptsBalancedMovements() {
        RemittanceReceived remittance = new RemittanceReceived(CENTRAL, LocalDate.of(1923, 1, 1), SectionId.of("hist", "SU"),
                Money.of(100, "USD"), null);
        assertThat(everyMoneyMovementBalanced().matches(List.of(message(remittance), message("not money")))).isTrue();
    }

    @Test
    void refusesAnUnbalancedMovement() {
        TransactionPosted lopsided = new TransactionPosted(CENTRAL, LocalDate.of(1923, 1, 1), "lopsided", List.of(
                Posting.debit("fund/central", Money.of(100, "USD")), Posting.credit("x", Money.of(100, "FRF"))), false, null);
        assertThat(everyMoneyMovementBalanced().matches(List.of(message(lopsided)))).isFalse();
    }

    @Test
    void refusesWhenNoMoneyMoved() {
        assertThat(everyMoneyMovementBalanced().matches(List.of(message("not money")))).isFalse();
        assertThat(everyMoneyMovementBalanced().matches(List.of())).isFalse();
    }
}
