package org.mopr.ledger.projection.ledger;

import org.mopr.ledger.money.Money;

/** An account's balance in one currency (debits positive) and how many postings made it. */
public record AccountBalance(String account, Money balance, long postings) {
}
