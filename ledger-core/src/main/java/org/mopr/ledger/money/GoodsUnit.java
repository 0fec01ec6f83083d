package org.mopr.ledger.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.mopr.ledger.shared.DomainException;

import java.math.BigDecimal;
import java.util.Set;

/**
 * A unit goods in kind are counted in, by its code ({@code POOD}, {@code KILOGRAM}, {@code LOT}). The units are data,
 * in {@code money/goods.yaml} or a loaded source folder's {@code units.yaml} (see {@link Units}); only a declared code
 * is accepted, so a typo ("PUD") is an error rather than a new unit. Events carry the code alone.
 */
public record GoodsUnit(String code) implements Comparable<GoodsUnit> {

    public static final GoodsUnit POOD = new GoodsUnit("POOD");
    public static final GoodsUnit KILOGRAM = new GoodsUnit("KILOGRAM");
    public static final GoodsUnit LOT = new GoodsUnit("LOT");

    public GoodsUnit {
        if (Units.goods(code) == null) {
            throw new DomainException("unknown goods unit '" + code + "': known are " + known()
                    + " (declare others in a source folder's units.yaml)");
        }
    }

    @JsonCreator
    public static GoodsUnit of(String code) {
        return new GoodsUnit(code);
    }

    public static Set<String> known() {
        return Units.goodsCodes();
    }

    private Units.GoodsSpec spec() {
        return Units.goods(code);
    }

    /** How reports write it: "pood", "kg". */
    public String symbol() {
        return spec().symbol();
    }

    public Units.Kind kind() {
        return spec().kind();
    }

    /** Digits after the point an amount is kept in: 0 for whole poods, 3 for tonnes kept in kilograms. */
    public int minorDigits() {
        return spec().minorDigits();
    }

    /** A mass unit's size in kilograms, a volume unit's in litres; null for a count unit (a lot has no size). */
    public BigDecimal size() {
        return spec().base();
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @Override
    public int compareTo(GoodsUnit other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
