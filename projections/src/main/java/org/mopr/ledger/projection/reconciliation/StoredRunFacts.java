package org.mopr.ledger.projection.reconciliation;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the projections say about one run, in the few shapes the assertions need. Every figure is read from
 * the read models, never from the events or the scenario, so a broken stream shows as a broken figure.
 */
public final class StoredRunFacts implements RunFacts {

    private final JdbcTemplate jdbc;
    private final String run;

    public StoredRunFacts(JdbcTemplate jdbc, String run) {
        this.jdbc = jdbc;
        this.run = run;
    }

    @Override
    public String run() {
        return run;
    }

    /** Aid sent up to a day, per currency. */
    @Override
    public Map<String, Long> aidByCurrency(LocalDate from, LocalDate to) {
        Map<String, Long> sums = new TreeMap<>();
        jdbc.query("SELECT currency, SUM(amount_minor) FROM proj_aid_month WHERE run_id = ? "
                        + "AND month BETWEEN date_trunc('month', ?::date) AND ? GROUP BY currency",
                rs -> {
                    sums.put(rs.getString(1), rs.getLong(2));
                }, run, from, to);
        return sums;
    }

    /** Dues or donations of a section in a currency over the months the two days fall in. */
    @Override
    public long income(String section, String kind, String currency, LocalDate from, LocalDate to) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(amount_minor), 0) FROM proj_income_month WHERE run_id = ? "
                        + "AND section_code = ? AND kind = ? AND currency = ? AND month BETWEEN date_trunc('month', ?::date) AND ?",
                Long.class, run, section, kind, currency, from, to);
    }

    /** The documented census within the days and scope, if the stream carries one. */
    @Override
    public Optional<Census> census(LocalDate from, LocalDate to, String scope) {
        return jdbc.query("SELECT members, sections FROM proj_org_census WHERE run_id = ? AND as_of BETWEEN ? AND ? "
                        + "AND scope = ? AND origin <> 'SIMULATED' ORDER BY as_of, global_index",
                (rs, i) -> new Census((Long) rs.getObject(1), (Integer) rs.getObject(2)), run, from, to, scope)
                .stream().reduce((a, b) -> new Census(a.members() != null ? a.members() : b.members(),
                        a.sections() != null ? a.sections() : b.sections()));
    }

    @Override
    public Optional<Long> sectionCensus(String section, LocalDate from, LocalDate to) {
        return jdbc.query("SELECT members FROM proj_membership WHERE run_id = ? AND section_code = ? AND kind = 'CENSUS'"
                        + " AND as_of BETWEEN ? AND ? ORDER BY as_of, global_index LIMIT 1",
                (rs, i) -> rs.getLong(1), run, section, from, to).stream().findFirst();
    }

    /** Sections founded on or before the day and not dissolved by it, without the Soviet one when asked. */
    @Override
    public long sectionsInExistence(LocalDate day, boolean outsideUssr) {
        return jdbc.queryForObject("SELECT count(*) FROM proj_section WHERE run_id = ? AND placed_on <= ? "
                        + "AND (dissolved_on IS NULL OR dissolved_on > ?) AND (NOT ? OR section_code <> 'SU')",
                Long.class, run, day, day, outsideUssr);
    }

    @Override
    public Optional<LocalDate> sectionPlaced(String code) {
        return jdbc.queryForList("SELECT placed_on FROM proj_section WHERE run_id = ? AND section_code = ?",
                LocalDate.class, run, code).stream().findFirst();
    }

    @Override
    public Optional<LocalDate> organisationPlaced() {
        return jdbc.queryForList("SELECT placed_on FROM proj_organisation WHERE run_id = ?", LocalDate.class, run)
                .stream().findFirst();
    }

    @Override
    public Optional<LocalDate> governingBodyNamed(String newName) {
        return jdbc.queryForList("SELECT placed_on FROM proj_governing_body WHERE run_id = ? AND new_name = ?",
                LocalDate.class, run, newName).stream().findFirst();
    }

    @Override
    public Optional<LocalDate> fundOpened(String key) {
        return jdbc.queryForList("SELECT opened_on FROM proj_fund WHERE run_id = ? AND fund_key = ?",
                LocalDate.class, run, key).stream().findFirst();
    }

    @Override
    public Optional<Conference> conference(String key) {
        List<Conference> found = jdbc.query("SELECT placed_on, delegates FROM proj_conference WHERE run_id = ? "
                + "AND conference_key = ?", (rs, i) -> new Conference(rs.getObject(1, LocalDate.class),
                (Long) rs.getObject(2), new TreeMap<>()), run, key);
        found.forEach(c -> jdbc.query("SELECT delegate_group, delegates FROM proj_conference_delegates WHERE run_id = ? "
                + "AND conference_key = ?", rs -> {
                    c.groups().put(rs.getString(1), rs.getLong(2));
                }, run, key));
        return found.stream().findFirst();
    }

    @Override
    public boolean patronage(String cityKey, String country) {
        return jdbc.queryForObject("SELECT count(*) FROM proj_patronage WHERE run_id = ? AND city_key = ? "
                + "AND prison_country = ?", Long.class, run, cityKey, country) > 0;
    }

    @Override
    public boolean leader(String person) {
        return jdbc.queryForObject("SELECT count(*) FROM proj_leadership WHERE run_id = ? AND person = ?",
                Long.class, run, person) > 0;
    }

    /** Goods of a commodity given to a section, in their unit. */
    @Override
    public Optional<Long> goods(String section, String commodity, String unit) {
        Long sum = jdbc.queryForObject("SELECT SUM(quantity) FROM proj_goods WHERE run_id = ? AND section_code = ? "
                + "AND goods = ? AND unit = ?", Long.class, run, section, commodity, unit);
        return Optional.ofNullable(sum);
    }

    /** The reason the run's scenario set a claim aside, if it did. */
    @Override
    public Optional<String> setAside(String claimId) {
        return jdbc.queryForList("SELECT reason FROM proj_claim_aside WHERE run_id = ? AND claim_id = ?",
                String.class, run, claimId).stream().findFirst();
    }

    /** The run's rate from one currency to another valid on a day; the first declared wins. */
    @Override
    public Optional<Rate> rate(String from, String to, LocalDate day) {
        return jdbc.query("SELECT numerator, denominator, citation, assumption FROM proj_exchange_rate WHERE run_id = ? "
                        + "AND from_currency = ? AND to_currency = ? AND valid_from <= ? AND valid_to >= ? ORDER BY global_index",
                (rs, i) -> new Rate(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4)),
                run, from, to, day, day).stream().findFirst();
    }

    @Override
    public Optional<LocalDate> firstIncome(String section, String kind) {
        return Optional.ofNullable(jdbc.queryForObject("SELECT MIN(month) FROM proj_income_month WHERE run_id = ? "
                + "AND section_code = ? AND kind = ?", LocalDate.class, run, section, kind));
    }

    @Override
    public Optional<LocalDate> firstAid() {
        return Optional.ofNullable(jdbc.queryForObject("SELECT MIN(month) FROM proj_aid_month WHERE run_id = ?",
                LocalDate.class, run));
    }

    /** Set-aside events name the claim they leave out; they are not built from it, so they are not read. */
    @Override
    public Map<String, java.util.Set<String>> claimsByEventType() {
        Map<String, java.util.Set<String>> byType = new TreeMap<>();
        jdbc.query("SELECT DISTINCT e.event_type || ' ' || p.origin, c.claim FROM (SELECT DISTINCT event_type, provenance_id FROM proj_event "
                        + "WHERE run_id = ?) e JOIN proj_provenance p ON p.run_id = ? AND p.provenance_id = e.provenance_id "
                        + "CROSS JOIN LATERAL unnest(p.claim_ids) AS c(claim) WHERE e.event_type <> 'ClaimSetAside'",
                rs -> {
                    byType.computeIfAbsent(rs.getString(1), k -> new java.util.TreeSet<>()).add(rs.getString(2));
                }, run, run);
        return byType;
    }
}
