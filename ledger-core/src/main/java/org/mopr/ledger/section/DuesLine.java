package org.mopr.ledger.section;

import org.mopr.ledger.money.Money;

import java.time.LocalDate;

/**
 * One payment of dues within a batch.
 *
 * @param payer who paid: a member, a cell or a cohort, as fine as the scenario's granularity goes
 */
public record DuesLine(LocalDate paidOn, String payer, Money amount) {
}
