package org.mopr.ledger.projection.section;

import java.time.LocalDate;

/** Goods in kind: a single gift ({@code gifts} = 1, with its day) or a total of gifts of one kind and unit. */
public record GoodsView(String section, String goods, String unit, long quantity, long gifts, LocalDate receivedOn,
                        String donor, Long globalIndex) {
}
