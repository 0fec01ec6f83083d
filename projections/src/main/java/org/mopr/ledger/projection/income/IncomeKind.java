package org.mopr.ledger.projection.income;

/** Money a section takes in: members' dues or donations (goods in kind are counted apart, never as money). */
public enum IncomeKind {
    DUES,
    DONATION
}
