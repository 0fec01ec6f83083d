package org.mopr.ledger.simulation.compiler;

/** Lets tests in other packages quote the set the compiler names in its message. */
public final class MoneyRulesAccess {
    public static final String COLLECTING = MoneyRules.collectingSections(org.mopr.ledger.catalog.Catalog.loadHistorical(), org.mopr.ledger.catalog.CompileRules.historical()).toString();

    private MoneyRulesAccess() {
    }
}
