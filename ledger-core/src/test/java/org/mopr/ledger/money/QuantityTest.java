package org.mopr.ledger.money;

import org.junit.jupiter.api.Test;
import org.mopr.ledger.shared.DomainException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuantityTest {

    @Test
    void addsQuantitiesOfOneUnit() {
        Quantity grain = new Quantity(120, GoodsUnit.POOD);
        assertThat(grain.plus(new Quantity(30, GoodsUnit.POOD))).isEqualTo(new Quantity(150, GoodsUnit.POOD));
        assertThat(new Quantity(0, GoodsUnit.LOT).amount()).isZero();
    }

    @Test
    void printsAmountAndUnitSymbol() {
        assertThat(new Quantity(120, GoodsUnit.POOD).toString()).isEqualTo("120 pood");
        assertThat(new Quantity(5, GoodsUnit.KILOGRAM).toString()).isEqualTo("5 kg");
        assertThat(new Quantity(1, GoodsUnit.LOT).toString()).isEqualTo("1 lot");
    }

    @Test
    void refusesToAddDifferentUnits() {
        assertThatThrownBy(() -> new Quantity(120, GoodsUnit.POOD).plus(new Quantity(5, GoodsUnit.KILOGRAM)))
                .isInstanceOf(DomainException.class)
                .hasMessage("cannot add 5 kg to 120 pood: units differ");
    }

    @Test
    void refusesANegativeQuantity() {
        assertThatThrownBy(() -> new Quantity(-3, GoodsUnit.POOD))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("must not be negative, was -3 POOD");
    }

    @Test
    void refusesAQuantityWithoutUnit() {
        assertThatThrownBy(() -> new Quantity(3, null))
                .isInstanceOf(DomainException.class)
                .hasMessage("quantity 3 has no unit");
    }
}
