package org.mopr.ledger.fund;

import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;

import java.util.List;
import java.util.Map;

/**
 * Checks the double-entry rule on what an aggregate actually published: there is at least one money event, and
 * the postings of every one of them sum to zero in each currency.
 */
public final class BalancedMovements {

    private BalancedMovements() {
    }

    public static Matcher<List<EventMessage<?>>> everyMoneyMovementBalanced() {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                List<MoneyMovement> movements = events.stream().map(EventMessage::getPayload)
                        .filter(MoneyMovement.class::isInstance).map(MoneyMovement.class::cast).toList();
                return !movements.isEmpty() && movements.stream().allMatch(BalancedMovements::isBalanced);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("at least one money movement, each with postings summing to zero per currency");
            }
        };
    }

    public static boolean isBalanced(MoneyMovement movement) {
        List<Posting> postings = movement.postings();
        if (postings.size() < 2) {
            return false;
        }
        Map<Currency, Money> sums = Postings.sums(postings);
        return sums.values().stream().allMatch(Money::isZero);
    }
}
