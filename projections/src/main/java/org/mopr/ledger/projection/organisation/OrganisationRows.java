package org.mopr.ledger.projection.organisation;

import org.mopr.ledger.fund.FundOpened;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.organisation.ConferenceHeld;
import org.mopr.ledger.organisation.GoverningBodyRenamed;
import org.mopr.ledger.organisation.LeadershipChanged;
import org.mopr.ledger.organisation.OrganisationFounded;
import org.mopr.ledger.organisation.OrganisationMembershipReported;
import org.mopr.ledger.projection.engine.BatchPart;
import org.mopr.ledger.projection.engine.Bind;
import org.mopr.ledger.projection.engine.ProjectedEvent;
import org.mopr.ledger.projection.engine.RowBatch;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Types;
import java.util.Map;
import java.util.stream.Collectors;

/** The organisation, its governing body's names, leaders, conferences (with delegate groups), censuses and funds. */
public final class OrganisationRows implements BatchPart {

    /** An event with the run and global index its row is keyed by. */
    private record At<E>(String runId, long globalIndex, E event, String origin) {
    }

    private record Delegates(String runId, String conference, String group, long delegates) {
    }

    private final RowBatch<At<OrganisationFounded>> founded = new RowBatch<>(
            "INSERT INTO proj_organisation (run_id, name, founded_text, founded_precision, founded_earliest, founded_latest, "
                    + "placed_on, global_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (ps, a) -> {
                Bind.text(ps, 1, a.runId());
                Bind.text(ps, 2, a.event().name());
                Bind.historical(ps, 3, a.event().founded());
                Bind.date(ps, 7, a.event().placedOn());
                ps.setLong(8, a.globalIndex());
            });

    private final RowBatch<At<GoverningBodyRenamed>> renamed = new RowBatch<>(
            "INSERT INTO proj_governing_body (run_id, global_index, previous_name, new_name, date_text, date_precision, "
                    + "date_earliest, date_latest, placed_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (ps, a) -> {
                Bind.text(ps, 1, a.runId());
                ps.setLong(2, a.globalIndex());
                Bind.text(ps, 3, a.event().previousName());
                Bind.text(ps, 4, a.event().newName());
                Bind.historical(ps, 5, a.event().date());
                Bind.date(ps, 9, a.event().placedOn());
            });

    private final RowBatch<At<LeadershipChanged>> leaders = new RowBatch<>(
            "INSERT INTO proj_leadership (run_id, global_index, person, role, term_text, term_precision, term_earliest, "
                    + "term_latest, placed_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (ps, a) -> {
                Bind.text(ps, 1, a.runId());
                ps.setLong(2, a.globalIndex());
                Bind.text(ps, 3, a.event().person());
                Bind.text(ps, 4, a.event().role());
                Bind.historical(ps, 5, a.event().term());
                Bind.date(ps, 9, a.event().placedOn());
            });

    private final RowBatch<At<ConferenceHeld>> conferences = new RowBatch<>(
            "INSERT INTO proj_conference (run_id, conference_key, name, place, dates_text, dates_precision, dates_earliest, "
                    + "dates_latest, placed_on, delegates, global_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (ps, a) -> {
                ConferenceHeld e = a.event();
                Bind.text(ps, 1, a.runId());
                Bind.text(ps, 2, e.conferenceKey());
                Bind.text(ps, 3, e.name());
                Bind.text(ps, 4, e.place());
                Bind.historical(ps, 5, e.dates());
                Bind.date(ps, 9, e.placedOn());
                Bind.longOrNull(ps, 10, e.delegates());
                ps.setLong(11, a.globalIndex());
            });

    private final RowBatch<Delegates> delegates = new RowBatch<>(
            "INSERT INTO proj_conference_delegates (run_id, conference_key, delegate_group, delegates) VALUES (?, ?, ?, ?)",
            (ps, d) -> {
                Bind.text(ps, 1, d.runId());
                Bind.text(ps, 2, d.conference());
                Bind.text(ps, 3, d.group());
                ps.setLong(4, d.delegates());
            });

    private final RowBatch<At<OrganisationMembershipReported>> censuses = new RowBatch<>(
            "INSERT INTO proj_org_census (run_id, global_index, as_of, scope, members, sections, origin) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (ps, a) -> {
                Bind.text(ps, 1, a.runId());
                ps.setLong(2, a.globalIndex());
                Bind.date(ps, 3, a.event().asOf());
                Bind.text(ps, 4, a.event().scope().name());
                Bind.longOrNull(ps, 5, a.event().members());
                ps.setObject(6, a.event().sections(), Types.INTEGER);
                Bind.text(ps, 7, a.origin());
            });

    private final RowBatch<At<FundOpened>> funds = new RowBatch<>(
            "INSERT INTO proj_fund (run_id, fund_key, name, opened_on, currencies, global_index) VALUES (?, ?, ?, ?, ?, ?)",
            (ps, a) -> {
                Bind.text(ps, 1, a.runId());
                Bind.text(ps, 2, a.event().fundId().key());
                Bind.text(ps, 3, a.event().name());
                Bind.date(ps, 4, a.event().openedOn());
                Bind.text(ps, 5, a.event().currencies().stream().map(Currency::code).collect(Collectors.joining(",")));
                ps.setLong(6, a.globalIndex());
            });

    @Override
    public void add(ProjectedEvent event) {
        Object p = event.payload();
        String run = event.runId();
        long index = event.globalIndex();
        if (p instanceof OrganisationFounded e) {
            founded.add(new At<>(run, index, e, event.origin()));
        } else if (p instanceof GoverningBodyRenamed e) {
            renamed.add(new At<>(run, index, e, event.origin()));
        } else if (p instanceof LeadershipChanged e) {
            leaders.add(new At<>(run, index, e, event.origin()));
        } else if (p instanceof ConferenceHeld e) {
            conferences.add(new At<>(run, index, e, event.origin()));
            if (e.delegatesByGroup() != null) {
                for (Map.Entry<String, Long> group : e.delegatesByGroup().entrySet()) {
                    delegates.add(new Delegates(run, e.conferenceKey(), group.getKey(), group.getValue()));
                }
            }
        } else if (p instanceof OrganisationMembershipReported e) {
            censuses.add(new At<>(run, index, e, event.origin()));
        } else if (p instanceof FundOpened e) {
            funds.add(new At<>(run, index, e, event.origin()));
        }
    }

    @Override
    public void flush(JdbcTemplate jdbc) {
        founded.flush(jdbc);
        renamed.flush(jdbc);
        leaders.flush(jdbc);
        conferences.flush(jdbc);
        delegates.flush(jdbc);
        censuses.flush(jdbc);
        funds.flush(jdbc);
    }
}
