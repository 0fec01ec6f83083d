package org.mopr.ledger.projection.organisation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.organisation.MembershipScope;
import org.mopr.ledger.projection.query.PageRequest;
import org.mopr.ledger.projection.query.ProjectionQueries;
import org.mopr.ledger.projection.support.ProjectionDatabase;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OrganisationQueriesTest {

    private static ProjectionQueries queries;

    @BeforeAll
    static void project() {
        queries = new ProjectionQueries(ProjectionDatabase.withStory("organisation", "o1").jdbc);
    }

    @Test
    void conferencesCarryTheirDelegateGroups() {
        OrganisationViews.Conference conference = queries.organisation().conferences("o1", PageRequest.first(5)).items().get(0);
        assertThat(conference.delegates()).isEqualTo(109);
        assertThat(conference.delegatesByGroup()).isEqualTo(Map.of("CP", 91L, "YCI", 13L, "non-party", 5L));
        assertThat(conference.datesAsWritten()).isEqualTo("1924-07");
        assertThat(conference.precision()).isEqualTo("MONTH");
    }

    @Test
    void leadersCensusesAndNames() {
        assertThat(queries.organisation().leadership("o1", PageRequest.first(5)).items())
                .extracting(OrganisationViews.Leader::person).containsExactly("Julian Marchlewski");
        assertThat(queries.organisation().censuses("o1", MembershipScope.ALL, LocalDate.of(1922, 1, 1),
                LocalDate.of(1932, 12, 31), PageRequest.first(5)).items())
                .extracting(c -> c.members() + " in " + c.sections()).containsExactly("4000000 in 40");
        assertThat(queries.organisation().censuses("o1", MembershipScope.OUTSIDE_USSR, LocalDate.of(1922, 1, 1),
                LocalDate.of(1932, 12, 31), PageRequest.first(5)).items()).isEmpty();
        assertThat(queries.organisation().governingBodies("o1", PageRequest.first(5)).items())
                .extracting(OrganisationViews.GoverningBody::newName).containsExactly("Central Committee");
    }

    @Test
    void patronageLinksActiveOnADay() {
        assertThat(queries.patronage().links("o1", LocalDate.of(1925, 1, 1), null, PageRequest.first(5)).items())
                .extracting(l -> l.cityName() + " -> " + l.prisonCountry()).containsExactly("Moscow -> PL");
        assertThat(queries.patronage().links("o1", LocalDate.of(1925, 6, 1), null, PageRequest.first(5)).items()).isEmpty();
        assertThat(queries.patronage().links("o1", null, "PL", PageRequest.first(5)).items()).hasSize(1);
    }
}
