package org.mopr.ledger.projection.query;

import org.mopr.ledger.projection.explain.ExplainQueries;
import org.mopr.ledger.projection.explain.FlowExplanations;
import org.mopr.ledger.projection.income.IncomeQueries;
import org.mopr.ledger.projection.ledger.LedgerQueries;
import org.mopr.ledger.projection.ledger.TrialBalance;
import org.mopr.ledger.projection.organisation.OrganisationMembership;
import org.mopr.ledger.projection.organisation.OrganisationQueries;
import org.mopr.ledger.projection.patronage.PatronageQueries;
import org.mopr.ledger.projection.rates.CurrencyConverter;
import org.mopr.ledger.projection.section.MembershipQueries;
import org.mopr.ledger.projection.section.SectionQueries;
import org.mopr.ledger.projection.timeline.TimelineQueries;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read side in one place, for the HTTP API and the reconciliation: plain Java over JdbcTemplate, each feature's
 * queries behind one accessor. Every list query takes a {@link PageRequest}; every query takes the run first.
 */
public final class ProjectionQueries {

    private final MembershipQueries membership;
    private final SectionQueries sections;
    private final IncomeQueries income;
    private final LedgerQueries ledger;
    private final TrialBalance trialBalance;
    private final ExplainQueries explain;
    private final OrganisationQueries organisation;
    private final PatronageQueries patronage;
    private final CurrencyConverter rates;
    private final FlowExplanations flows;
    private final OrganisationMembership organisationMembership;
    private final TimelineQueries timeline;
    private final ProjectionProgress progress;
    private final org.mopr.ledger.projection.section.CarryForward carryForward;

    public ProjectionQueries(JdbcTemplate jdbc) {
        this.rates = new CurrencyConverter(jdbc);
        this.membership = new MembershipQueries(jdbc);
        this.sections = new SectionQueries(jdbc);
        this.income = new IncomeQueries(jdbc, rates);
        this.ledger = new LedgerQueries(jdbc, rates);
        this.trialBalance = new TrialBalance(jdbc);
        this.explain = new ExplainQueries(jdbc, membership);
        this.organisation = new OrganisationQueries(jdbc);
        this.patronage = new PatronageQueries(jdbc);
        this.flows = new FlowExplanations(jdbc, explain);
        this.organisationMembership = new OrganisationMembership(jdbc);
        this.timeline = new TimelineQueries(jdbc);
        this.progress = new ProjectionProgress(jdbc);
        this.carryForward = new org.mopr.ledger.projection.section.CarryForward(jdbc);
    }

    public MembershipQueries membership() {
        return membership;
    }

    public SectionQueries sections() {
        return sections;
    }

    public IncomeQueries income() {
        return income;
    }

    public LedgerQueries ledger() {
        return ledger;
    }

    public TrialBalance trialBalance() {
        return trialBalance;
    }

    public ExplainQueries explain() {
        return explain;
    }

    public OrganisationQueries organisation() {
        return organisation;
    }

    public PatronageQueries patronage() {
        return patronage;
    }

    public CurrencyConverter rates() {
        return rates;
    }

    /** Explanations of a flow between accounts and of the sections in existence on a day. */
    public FlowExplanations flows() {
        return flows;
    }

    /** Organisation-wide membership (all, outside the USSR) from the censuses. */
    public OrganisationMembership organisationMembership() {
        return organisationMembership;
    }

    public TimelineQueries timeline() {
        return timeline;
    }

    /** How far the projections got: events projected per run, replays under way. */
    public ProjectionProgress progress() {
        return progress;
    }

    /** What membership after the last census is: nothing, or the last census carried forward and marked so. */
    public org.mopr.ledger.projection.section.CarryForward carryForward() {
        return carryForward;
    }
}
