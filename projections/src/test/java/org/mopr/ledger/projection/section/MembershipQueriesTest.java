package org.mopr.ledger.projection.section;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.projection.query.Page;
import org.mopr.ledger.projection.query.PageRequest;
import org.mopr.ledger.projection.query.Period;
import org.mopr.ledger.projection.support.ProjectionDatabase;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MembershipQueriesTest {

    private static MembershipQueries membership;
    private static SectionQueries sections;

    @BeforeAll
    static void project() {
        ProjectionDatabase db = ProjectionDatabase.withStory("membership", "m1");
        membership = new MembershipQueries(db.jdbc);
        sections = new SectionQueries(db.jdbc);
    }

    @Test
    void aSectionShowsItsLastPointOnOrBeforeTheDay() {
        assertThat(membership.sectionAt("m1", "SU", LocalDate.of(1923, 12, 31))).isEmpty();
        MembershipPoint january = membership.sectionAt("m1", "SU", LocalDate.of(1924, 1, 31)).orElseThrow();
        assertThat(january.members()).isEqualTo(3_000_000);
        assertThat(january.kind()).isEqualTo(MembershipKind.CENSUS);
        MembershipPoint february = membership.sectionAt("m1", "SU", LocalDate.of(1924, 2, 1)).orElseThrow();
        assertThat(february.members()).isEqualTo(3_100_000);
        assertThat(february.kind()).isEqualTo(MembershipKind.INTERPOLATED);
        assertThat(february.origin()).isEqualTo("SIMULATED");
    }

    @Test
    void aScopeSumsTheSectionsInExistenceThatDay() {
        ScopeMembership march = membership.at("m1", Scope.all(), LocalDate.of(1924, 3, 15));
        assertThat(march.members()).isEqualTo(3_250_000);
        assertThat(march.sectionsCounted()).isEqualTo(2);
        assertThat(march.censusMembers()).isEqualTo(150_000);
        assertThat(march.interpolatedMembers()).isEqualTo(3_100_000);
        assertThat(membership.at("m1", Scope.outsideUssr(), LocalDate.of(1924, 3, 15)).members()).isEqualTo(150_000);
        assertThat(membership.at("m1", Scope.section("SU"), LocalDate.of(1924, 3, 15)).members()).isEqualTo(3_100_000);

        ScopeMembership january = membership.at("m1", Scope.all(), LocalDate.of(1924, 1, 15));
        assertThat(january.members()).isEqualTo(3_000_000);
        assertThat(january.sectionsWithoutFigure()).as("DE existed but had no figure yet").isEqualTo(1);

        // DE was banned on 1 November 1924: its members no longer count.
        ScopeMembership december = membership.at("m1", Scope.all(), LocalDate.of(1924, 12, 1));
        assertThat(december.members()).isEqualTo(3_100_000);
        assertThat(december.sectionsCounted()).isEqualTo(1);
    }

    @Test
    void contributionsListThePointsBehindAScopeFigure() {
        Page<MembershipPoint> points = membership.contributions("m1", Scope.all(), LocalDate.of(1924, 3, 15), PageRequest.first(10));
        assertThat(points.items()).extracting(MembershipPoint::section, MembershipPoint::members)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DE", 150_000L), org.assertj.core.groups.Tuple.tuple("SU", 3_100_000L));
    }

    @Test
    void aSeriesStepsThroughTheRangeInOneQueryAndPages() {
        Page<ScopeMembership> series = membership.series("m1", Scope.all(), LocalDate.of(1924, 1, 1),
                LocalDate.of(1924, 12, 1), Period.MONTH, PageRequest.first(3));
        assertThat(series.items()).extracting(ScopeMembership::members).containsExactly(3_000_000L, 3_100_000L, 3_250_000L);
        assertThat(series.hasMore()).isTrue();
        // October, November, December: DE is gone on the day of its ban, 1 November.
        Page<ScopeMembership> last = membership.series("m1", Scope.all(), LocalDate.of(1924, 1, 1),
                LocalDate.of(1924, 12, 1), Period.MONTH, new PageRequest(3, 9));
        assertThat(last.items()).extracting(ScopeMembership::members).containsExactly(3_250_000L, 3_100_000L, 3_100_000L);
        assertThat(last.hasMore()).isFalse();
        assertThatThrownBy(() -> membership.series("m1", Scope.all(), LocalDate.of(1924, 1, 1), LocalDate.of(1923, 1, 1),
                Period.MONTH, PageRequest.first(3))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before it begins");
    }

    @Test
    void pointsOfASectionInARange() {
        assertThat(membership.points("m1", "SU", LocalDate.of(1924, 1, 1), LocalDate.of(1924, 12, 31),
                PageRequest.first(10)).items()).extracting(MembershipPoint::members).containsExactly(3_000_000L, 3_100_000L);
    }

    @Test
    void sectionsInExistenceAtADaySayWhetherTheyCertainlyExisted() {
        assertThat(sections.existingAt("m1", LocalDate.of(1923, 6, 1), PageRequest.first(10)).items())
                .extracting(SectionView::code, SectionView::certainOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SU", true));
        // DE is placed on 1 January 1924 but the source only says "1924": on 1 June it may not have existed yet.
        assertThat(sections.existingAt("m1", LocalDate.of(1924, 6, 1), PageRequest.first(10)).items())
                .extracting(SectionView::code, SectionView::certainOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DE", false), org.assertj.core.groups.Tuple.tuple("SU", true));
        assertThat(sections.countAt("m1", LocalDate.of(1924, 6, 1))).isEqualTo(new SectionQueries.SectionCount(
                LocalDate.of(1924, 6, 1), 2, 1));
        assertThat(sections.countAt("m1", LocalDate.of(1924, 11, 1)).sections()).isEqualTo(1);
        SectionView de = sections.section("m1", "DE").orElseThrow();
        assertThat(de.foundedAsWritten()).isEqualTo("1924");
        assertThat(de.dissolutionReason()).isEqualTo("BANNED");
    }

    @Test
    void badArgumentsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> membership.sectionAt("M1!", "SU", LocalDate.of(1924, 1, 1)))
                .hasMessageContaining("run id 'M1!'");
        assertThatThrownBy(() -> membership.sectionAt("m1", "su", LocalDate.of(1924, 1, 1)))
                .hasMessageContaining("section code 'su'");
        assertThatThrownBy(() -> Scope.parse("everyone")).hasMessageContaining("neither ALL, OUTSIDE_USSR nor a section code");
        assertThatThrownBy(() -> new PageRequest(1001, 0)).hasMessageContaining("limit must be between 1 and 1000");
    }
}
