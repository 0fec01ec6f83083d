package org.mopr.ledger.money;

/** Units in which the sources count goods in kind. */
public enum GoodsUnit {
    /** The Russian pood, 16.38 kg; grain donations are counted in poods. */
    POOD("pood"),
    KILOGRAM("kg"),
    /** A harvest, parcel or other lot the sources count without a measure. */
    LOT("lot");

    private final String symbol;

    GoodsUnit(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
