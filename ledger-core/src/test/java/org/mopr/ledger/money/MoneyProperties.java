package org.mopr.ledger.money;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.mopr.ledger.shared.DomainException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyProperties {

    /** Amounts small enough that sums of two never overflow a long. */
    private static final long BOUND = Long.MAX_VALUE / 4;

    @Provide
    Arbitrary<Currency> currencies() {
        return Arbitraries.of(Currency.known()).map(Currency::of);
    }

    @Property
    void printedAmountParsesBackToTheSameMoney(@ForAll long minor, @ForAll("currencies") Currency currency) {
        Money money = new Money(minor, currency);
        assertThat(Money.parse(money.toDecimalString(), currency.code())).isEqualTo(money);
    }

    @Property
    void minusUndoesPlus(@ForAll @LongRange(min = -BOUND, max = BOUND) long a,
                         @ForAll @LongRange(min = -BOUND, max = BOUND) long b,
                         @ForAll("currencies") Currency currency) {
        Money x = new Money(a, currency);
        Money y = new Money(b, currency);
        assertThat(x.plus(y).minus(y)).isEqualTo(x);
        assertThat(x.plus(y)).isEqualTo(y.plus(x));
        assertThat(x.minus(y)).isEqualTo(x.plus(y.negate()));
        assertThat(x.plus(y).minor()).isEqualTo(a + b);
    }

    @Property
    void differentCurrenciesNeverMix(@ForAll long a, @ForAll long b,
                                     @ForAll("currencies") Currency one, @ForAll("currencies") Currency other) {
        if (one.equals(other)) {
            return;
        }
        assertThatThrownBy(() -> new Money(a, one).plus(new Money(b, other)))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining(one.code())
                .hasMessageContaining(other.code());
    }
}
