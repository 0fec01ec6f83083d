package org.mopr.ledger.organisation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.shared.RunId;
import org.mopr.ledger.time.HistoricalDate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/** Founding, governing body, leadership, conferences and censuses of the organisation. */
class OrganisationTest {

    static final OrganisationId MOPR = new OrganisationId(RunId.of("hist"));
    static final Provenance DOC = Provenance.documented("claim-org-1");
    static final LocalDate FOUNDED_ON = LocalDate.of(1922, 11, 1);
    static final OrganisationFounded FOUNDED = new OrganisationFounded(MOPR, "International Red Aid",
            HistoricalDate.year(1922), FOUNDED_ON, DOC);

    private static final HistoricalDate JULY_1924 = HistoricalDate.parse("1924-07-14/1924-07-16");
    private static final LocalDate CONFERENCE_DAY = LocalDate.of(1924, 7, 14);

    private FixtureConfiguration<Organisation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organisation.class);
    }

    private static Map<String, Long> delegates1924() {
        Map<String, Long> groups = new LinkedHashMap<>();
        groups.put("CP", 91L);
        groups.put("YCI", 13L);
        groups.put("non-party", 5L);
        return groups;
    }

    private static HoldConference conference(String key, Long total, Map<String, Long> groups) {
        return new HoldConference(MOPR, key, "1st International Conference", "Moscow", JULY_1924, CONFERENCE_DAY,
                total, groups, DOC);
    }

    // ---- founding ----

    @Test
    void isFounded() {
        fixture.givenNoPriorActivity()
                .when(new FoundOrganisation(MOPR, "International Red Aid", HistoricalDate.year(1922), FOUNDED_ON, DOC))
                .expectSuccessfulHandlerExecution()
                .expectEvents(FOUNDED);
    }

    @Test
    void isFoundedOnlyOnce() {
        fixture.given(FOUNDED)
                .when(new FoundOrganisation(MOPR, "MOPR", HistoricalDate.year(1922), FOUNDED_ON, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("organisation hist/organisation/mopr was already founded on 1922-11-01"))
                .expectNoEvents();
    }

    @Test
    void needsANameAFoundingDateAndAPlacement() {
        String message = "organisation hist/organisation/mopr needs a name, a founding date and a placement";
        fixture.givenNoPriorActivity()
                .when(new FoundOrganisation(MOPR, "", HistoricalDate.year(1922), FOUNDED_ON, DOC))
                .expectException(DomainException.class).expectExceptionMessage(containsString(message)).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new FoundOrganisation(MOPR, "MOPR", null, FOUNDED_ON, DOC))
                .expectException(DomainException.class).expectExceptionMessage(containsString(message)).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new FoundOrganisation(MOPR, "MOPR", HistoricalDate.year(1922), null, DOC))
                .expectException(DomainException.class).expectExceptionMessage(containsString(message)).expectNoEvents();
    }

    // ---- nothing before founding ----

    @Test
    void actsOfAnOrganisationNeverFoundedAreRefused() {
        String notFounded = "organisation hist/organisation/mopr has not been founded: cannot ";
        fixture.givenNoPriorActivity()
                .when(new RenameGoverningBody(MOPR, "Central Committee", HistoricalDate.day(1923, 3, 2),
                        LocalDate.of(1923, 3, 2), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(notFounded + "rename its governing body to Central Committee"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new ChangeLeadership(MOPR, "Julian Marchlewski", "chairman", HistoricalDate.parse("1922/1925"),
                        LocalDate.of(1923, 3, 2), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(notFounded + "change its leader to Julian Marchlewski"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(conference("conf-1924", 109L, delegates1924()))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(notFounded + "hold the conference 1st International Conference"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new ReportOrganisationMembership(MOPR, LocalDate.of(1932, 1, 1), MembershipScope.ALL, 1L, 1, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(notFounded + "report membership"))
                .expectNoEvents();
    }

    @Test
    void actsPlacedBeforeTheFoundingDateAreRefused() {
        LocalDate early = LocalDate.of(1922, 10, 31);
        String before = "organisation hist/organisation/mopr was founded on 1922-11-01: cannot ";
        fixture.given(FOUNDED)
                .when(new RenameGoverningBody(MOPR, "Central Committee", HistoricalDate.year(1922), early, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(before + "rename its governing body to Central Committee on 1922-10-31"))
                .expectNoEvents();
        fixture.given(FOUNDED)
                .when(new ChangeLeadership(MOPR, "Julian Marchlewski", "chairman", HistoricalDate.year(1922), early, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(before + "change its leader to Julian Marchlewski on 1922-10-31"))
                .expectNoEvents();
        fixture.given(FOUNDED)
                .when(new HoldConference(MOPR, "conf-0", "Preparatory", "Moscow", HistoricalDate.year(1922), early,
                        null, null, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(before + "hold the conference Preparatory on 1922-10-31"))
                .expectNoEvents();
        fixture.given(FOUNDED)
                .when(new ReportOrganisationMembership(MOPR, early, MembershipScope.ALL, 10L, null, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(before + "report membership on 1922-10-31"))
                .expectNoEvents();
        fixture.given(FOUNDED)
                .when(new ReportOrganisationMembership(MOPR, null, MembershipScope.ALL, 10L, null, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(before + "report membership on null"))
                .expectNoEvents();
    }

    // ---- governing body ----

    @Test
    void theCentralBureauIsRenamedCentralCommittee() {
        HistoricalDate date = HistoricalDate.day(1923, 3, 2);
        fixture.given(FOUNDED)
                .when(new RenameGoverningBody(MOPR, "Central Committee", date, LocalDate.of(1923, 3, 2), DOC))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new GoverningBodyRenamed(MOPR, "Central Bureau", "Central Committee", date,
                        LocalDate.of(1923, 3, 2), DOC));
    }

    @Test
    void aSecondRenameStartsFromTheFirstsNewName() {
        HistoricalDate after1924 = HistoricalDate.parse("after 1924");
        LocalDate placed = LocalDate.of(1925, 1, 1);
        fixture.given(FOUNDED, new GoverningBodyRenamed(MOPR, "Central Bureau", "Central Committee",
                        HistoricalDate.day(1923, 3, 2), LocalDate.of(1923, 3, 2), DOC))
                .when(new RenameGoverningBody(MOPR, "Executive Committee", after1924, placed, DOC))
                .expectEvents(new GoverningBodyRenamed(MOPR, "Central Committee", "Executive Committee", after1924,
                        placed, DOC));
    }

    @Test
    void renamingToTheSameNameIsRefused() {
        fixture.given(FOUNDED, new GoverningBodyRenamed(MOPR, "Central Bureau", "Central Committee",
                        HistoricalDate.day(1923, 3, 2), LocalDate.of(1923, 3, 2), DOC))
                .when(new RenameGoverningBody(MOPR, "Central Committee", HistoricalDate.year(1924),
                        LocalDate.of(1924, 1, 1), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("organisation hist/organisation/mopr: governing body is already "
                        + "called 'Central Committee', cannot rename it to 'Central Committee'"))
                .expectNoEvents();
        fixture.given(FOUNDED)
                .when(new RenameGoverningBody(MOPR, "Central Bureau", HistoricalDate.year(1923), LocalDate.of(1923, 1, 1), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("already called 'Central Bureau'"))
                .expectNoEvents();
    }

    @Test
    void renamingToNoNameIsRefused() {
        fixture.given(FOUNDED)
                .when(new RenameGoverningBody(MOPR, " ", HistoricalDate.year(1923), LocalDate.of(1923, 1, 1), DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("cannot rename it to ' '"))
                .expectNoEvents();
    }

    // ---- leadership ----

    @Test
    void changesItsLeadership() {
        HistoricalDate term = HistoricalDate.parse("1922/1925");
        fixture.given(FOUNDED)
                .when(new ChangeLeadership(MOPR, "Julian Marchlewski", "chairman", term, FOUNDED_ON, DOC))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new LeadershipChanged(MOPR, "Julian Marchlewski", "chairman", term, FOUNDED_ON, DOC));
    }

    @Test
    void aChangeOfLeadershipNeedsAPersonAndATerm() {
        String message = "organisation hist/organisation/mopr: a change of leadership needs a person and a term";
        fixture.given(FOUNDED)
                .when(new ChangeLeadership(MOPR, "", "chairman", HistoricalDate.year(1925), LocalDate.of(1925, 1, 1), DOC))
                .expectException(DomainException.class).expectExceptionMessage(containsString(message)).expectNoEvents();
        fixture.given(FOUNDED)
                .when(new ChangeLeadership(MOPR, "Clara Zetkin", "chairman", null, LocalDate.of(1925, 1, 1), DOC))
                .expectException(DomainException.class).expectExceptionMessage(containsString(message)).expectNoEvents();
    }

    // ---- conferences ----

    @Test
    void theFirstConferenceHad109Delegates91Plus13Plus5() {
        fixture.given(FOUNDED)
                .when(conference("conf-1924", 109L, delegates1924()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ConferenceHeld(MOPR, "conf-1924", "1st International Conference", "Moscow", JULY_1924,
                        CONFERENCE_DAY, 109L, new TreeMap<>(delegates1924()), DOC));
    }

    @Test
    void groupsThatDoNotSumToTheStatedTotalAreRefused() {
        fixture.given(FOUNDED)
                .when(conference("conf-1924", 110L, delegates1924()))
                .expectException(DomainException.class)
                .expectExceptionMessage(allOf(containsString("conference conf-1924: delegate groups"),
                        containsString("CP=91"), containsString("YCI=13"), containsString("non-party=5"),
                        containsString("sum to 109, not the 110 delegates stated")))
                .expectNoEvents();
    }

    @Test
    void groupsWhoseSumOverflowsAreRefusedNotWrappedAround() {
        Map<String, Long> groups = new HashMap<>();
        groups.put("a", Long.MAX_VALUE);
        groups.put("b", Long.MAX_VALUE);
        groups.put("c", 2L);
        fixture.given(FOUNDED)
                .when(conference("conf-1924", 0L, groups))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("conference conf-1924: delegate groups {a=9223372036854775807, "
                        + "b=9223372036854775807, c=2} sum beyond any count"))
                .expectNoEvents();
    }

    @Test
    void aTotalWithoutCompositionOrACompositionWithoutTotalIsKept() {
        fixture.given(FOUNDED)
                .when(conference("conf-1924", 109L, null))
                .expectEvents(new ConferenceHeld(MOPR, "conf-1924", "1st International Conference", "Moscow", JULY_1924,
                        CONFERENCE_DAY, 109L, new TreeMap<>(), DOC));
        fixture.given(FOUNDED)
                .when(conference("conf-1924", null, delegates1924()))
                .expectEvents(new ConferenceHeld(MOPR, "conf-1924", "1st International Conference", "Moscow", JULY_1924,
                        CONFERENCE_DAY, null, new TreeMap<>(delegates1924()), DOC));
    }

    @Test
    void aConferenceKeyIsHeldOnlyOnce() {
        fixture.given(FOUNDED, new ConferenceHeld(MOPR, "conf-1924", "1st International Conference", "Moscow",
                        JULY_1924, CONFERENCE_DAY, 109L, new TreeMap<>(delegates1924()), DOC))
                .when(conference("conf-1924", 109L, delegates1924()))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString(
                        "organisation hist/organisation/mopr: conference conf-1924 was already held"))
                .expectNoEvents();
    }

    @Test
    void anotherConferenceKeyIsANewConference() {
        fixture.given(FOUNDED, new ConferenceHeld(MOPR, "conf-1924", "1st International Conference", "Moscow",
                        JULY_1924, CONFERENCE_DAY, 109L, new TreeMap<>(delegates1924()), DOC))
                .when(new HoldConference(MOPR, "congress-1927", "1st World Congress", "Moscow", HistoricalDate.month(1927, 11),
                        LocalDate.of(1927, 11, 10), null, null, DOC))
                .expectEvents(new ConferenceHeld(MOPR, "congress-1927", "1st World Congress", "Moscow",
                        HistoricalDate.month(1927, 11), LocalDate.of(1927, 11, 10), null, new TreeMap<>(), DOC));
    }

    @Test
    void aConferenceKeyMustBeALowerCaseKey() {
        fixture.given(FOUNDED)
                .when(conference("First Conference", 109L, delegates1924()))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("conference key 'First Conference' must be lower-case letters"))
                .expectNoEvents();
    }

    @Test
    void negativeDelegateCountsAreRefused() {
        fixture.given(FOUNDED)
                .when(conference("conf-1924", -1L, null))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("conference conf-1924: delegates cannot be negative, was -1"))
                .expectNoEvents();
        Map<String, Long> groups = delegates1924();
        groups.put("YCI", -13L);
        fixture.given(FOUNDED)
                .when(conference("conf-1924", 83L, groups))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("conference conf-1924: delegates of group 'YCI' must be a count, was -13"))
                .expectNoEvents();
        Map<String, Long> missing = delegates1924();
        missing.put("YCI", null);
        fixture.given(FOUNDED)
                .when(conference("conf-1924", 96L, missing))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("delegates of group 'YCI' must be a count, was null"))
                .expectNoEvents();
    }

    @Test
    void aCompositionHasAtMostMaxDelegateGroups() {
        Map<String, Long> atMost = new HashMap<>();
        for (int i = 0; i < Organisation.MAX_DELEGATE_GROUPS; i++) {
            atMost.put("group-" + i, 1L);
        }
        fixture.given(FOUNDED)
                .when(conference("conf-1924", (long) Organisation.MAX_DELEGATE_GROUPS, atMost))
                .expectSuccessfulHandlerExecution();
        Map<String, Long> tooMany = new HashMap<>(atMost);
        tooMany.put("one-more", 1L);
        fixture.given(FOUNDED)
                .when(conference("conf-1924", null, tooMany))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("conference conf-1924: at most 32 delegate groups, got 33"))
                .expectNoEvents();
    }

    // ---- censuses ----

    @Test
    void reportsACensus() {
        LocalDate asOf = LocalDate.of(1932, 1, 1);
        fixture.given(FOUNDED)
                .when(new ReportOrganisationMembership(MOPR, asOf, MembershipScope.OUTSIDE_USSR, 1_278_274L, 62, DOC))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OrganisationMembershipReported(MOPR, asOf, MembershipScope.OUTSIDE_USSR, 1_278_274L, 62, DOC));
    }

    @Test
    void aCensusMayGiveOnlyOneOfItsFigures() {
        LocalDate asOf = LocalDate.of(1924, 7, 1);
        fixture.given(FOUNDED)
                .when(new ReportOrganisationMembership(MOPR, asOf, MembershipScope.OUTSIDE_USSR, null, 19, DOC))
                .expectEvents(new OrganisationMembershipReported(MOPR, asOf, MembershipScope.OUTSIDE_USSR, null, 19, DOC));
        fixture.given(FOUNDED)
                .when(new ReportOrganisationMembership(MOPR, asOf, MembershipScope.ALL, 0L, null, DOC))
                .expectEvents(new OrganisationMembershipReported(MOPR, asOf, MembershipScope.ALL, 0L, null, DOC));
    }

    @Test
    void aNegativeCensusIsRefused() {
        LocalDate asOf = LocalDate.of(1932, 1, 1);
        fixture.given(FOUNDED)
                .when(new ReportOrganisationMembership(MOPR, asOf, MembershipScope.ALL, -1L, 62, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("organisation hist/organisation/mopr: census on 1932-01-01 "
                        + "has a negative count (-1 members, 62 sections)"))
                .expectNoEvents();
        fixture.given(FOUNDED)
                .when(new ReportOrganisationMembership(MOPR, asOf, MembershipScope.ALL, 1_278_274L, -62, DOC))
                .expectException(DomainException.class)
                .expectExceptionMessage(containsString("has a negative count (1278274 members, -62 sections)"))
                .expectNoEvents();
    }

    @Test
    void aCensusNeedsAScopeAndAFigure() {
        LocalDate asOf = LocalDate.of(1932, 1, 1);
        String message = "organisation hist/organisation/mopr: a census on 1932-01-01 needs a scope and a count of members or sections";
        fixture.given(FOUNDED)
                .when(new ReportOrganisationMembership(MOPR, asOf, null, 10L, 1, DOC))
                .expectException(DomainException.class).expectExceptionMessage(containsString(message)).expectNoEvents();
        fixture.given(FOUNDED)
                .when(new ReportOrganisationMembership(MOPR, asOf, MembershipScope.ALL, null, null, DOC))
                .expectException(DomainException.class).expectExceptionMessage(containsString(message)).expectNoEvents();
    }
}
