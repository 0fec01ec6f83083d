package org.mopr.ledger.catalog;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.GoodsUnit;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.money.Quantity;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.time.HistoricalDate;
import org.mopr.ledger.time.Precision;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real values read from the shipped catalog, one kind of claim at a time. */
class ClaimKindsTest {

    private static Catalog catalog;

    @BeforeAll
    static void load() {
        catalog = Catalog.loadHistorical();
    }

    @Test
    void money1923IsExactMinorUnitsOverAnInterval() {
        Claim usd = catalog.get("c001.ussr-aid-1923-usd");
        assertThat(usd.kind()).isEqualTo(ClaimKind.MONEY);
        assertThat(usd.money()).isEqualTo(new Money(4_826_500, Currency.USD));
        assertThat(usd.value().type()).isEqualTo(ValueType.EXACT);
        assertThat(usd.precision()).isEqualTo(Precision.INTERVAL);
        assertThat(usd.dateText()).isEqualTo("1923-03/1923-11");
        assertThat(usd.date().earliest()).isEqualTo(LocalDate.of(1923, 3, 1));
        assertThat(usd.date().latest()).isEqualTo(LocalDate.of(1923, 11, 30));
        assertThat(usd.scope()).isEqualTo(Scope.section("SU"));
        assertThat(usd.subject()).isEqualTo(Subject.section("SU"));
        assertThat(usd.quote()).contains("$ 48,265 and 3,000 francs");

        assertThat(catalog.get("c001.ussr-aid-1923-frf").money()).isEqualTo(Money.of(300_000, "FRF"));
        Claim gold = catalog.get("c001.ussr-aid-to-1924-07-xrg");
        assertThat(gold.money()).isEqualTo(new Money(44_000_000, Currency.XRG));
        assertThat(gold.date().latest()).isEqualTo(LocalDate.of(1924, 7, 31));
    }

    @Test
    void approximateMoneyBeforeMoprIsFlaggedAndOutOfScope() {
        Claim us = catalog.get("c001.us-250k-1921-1922");
        assertThat(us.value().type()).isEqualTo(ValueType.APPROXIMATE);
        assertThat(us.money()).isEqualTo(Money.of(25_000_000, "USD"));
        assertThat(us.has(Flag.APPROXIMATE)).isTrue();
        assertThat(us.inScope()).isFalse();
        assertThat(us.scope()).isEqualTo(Scope.EXTERNAL);
        assertThat(catalog.get("c001.us-167k-1923").money()).isEqualTo(Money.of(16_700_000, "USD"));
    }

    @Test
    void membershipAndSectionCountsCarryTheirCensusDayAndScope() {
        Claim members = catalog.get("c002.members-1928");
        assertThat(members.count()).isEqualTo(8_900_000);
        assertThat(members.unit()).isEqualTo("members");
        assertThat(members.date()).isEqualTo(HistoricalDate.day(1928, 1, 1));
        assertThat(catalog.get("c003.members-1931").count()).isEqualTo(8_305_454);
        assertThat(catalog.get("c003.organisations-1931").count()).isEqualTo(58);
        assertThat(catalog.get("c002.periodicals-1931").count()).isEqualTo(56);
        assertThat(catalog.get("c002.languages-1931").count()).isEqualTo(19);
        assertThat(catalog.get("c000.executive-committee-28").count()).isEqualTo(28);

        Claim outside = catalog.get("c003.members-1932-outside-ussr");
        assertThat(outside.count()).isEqualTo(1_278_274);
        assertThat(outside.scope()).isEqualTo(Scope.OUTSIDE_USSR);
        assertThat(catalog.get("c003.es-hospitals-275").count()).isEqualTo(275);
        assertThat(catalog.get("c003.es-hospitals-275").inScope()).isFalse();
    }

    @Test
    void delegatesAreACompositionWhosePartsSumToTheWhole() {
        Claim whole = catalog.get("c003.congress-1924-delegates");
        assertThat(whole.count()).isEqualTo(109);
        assertThat(whole.dateText()).isEqualTo("1924-07-14/1924-07-16");
        List<Claim> parts = catalog.partsOf(whole.id());
        assertThat(parts).extracting(Claim::count).containsExactly(91L, 13L, 5L);
        assertThat(parts.stream().mapToLong(Claim::count).sum()).isEqualTo(whole.count());
    }

    @Test
    void goodsInKindAreQuantitiesOrUnstatedLots() {
        Claim bread = catalog.get("c001.ukraine-volga-bread");
        assertThat(bread.kind()).isEqualTo(ClaimKind.GOODS);
        assertThat(bread.value()).isEqualTo(ClaimValue.bound(BoundSide.AT_LEAST, 2000));
        assertThat(bread.quantity()).isEqualTo(new Quantity(2000, GoodsUnit.POOD));
        assertThat(bread.commodity()).isEqualTo("bread");
        assertThat(bread.has(Flag.APPROXIMATE)).isTrue();

        Claim corn = catalog.get("c001.abkhazia-corn");
        assertThat(corn.value().type()).isEqualTo(ValueType.UNSTATED);
        assertThat(corn.goodsUnit()).isEqualTo(GoodsUnit.LOT);
        assertThatThrownBy(corn::quantity).isInstanceOf(DomainException.class).hasMessageContaining("UNSTATED");
        assertThat(catalog.get("c001.odessa-mopr-strips-1923").dateText()).isEqualTo("1923-03/1923-05");
    }

    @Test
    void datesKeepEveryPrecision() {
        expectDate("c001.birthday-1922-11-30", Precision.DAY, "1922-11-30", "1922-11-30");
        expectDate("c001.first-cell-vyatka-1923-01-22", Precision.DAY, "1923-01-22", "1923-01-22");
        expectDate("c003.affiliate-be", Precision.MONTH, "1925-08-01", "1925-08-31");
        expectDate("c003.affiliate-ar", Precision.YEAR, "1926-01-01", "1926-12-31");
        expectDate("c001.congress-of-soviets-1922-12", Precision.INTERVAL, "1922-12-23", "1922-12-27");
        expectDate("c003.affiliate-bo", Precision.BEFORE, null, "1932-12-31");
        expectDate("c003.affiliate-dz", Precision.BEFORE, null, "1927-12-31");
        expectDate("c003.affiliate-in", Precision.AFTER, "1929-01-01", null);
        expectDate("c003.affiliate-al", Precision.UNKNOWN, null, null);
        assertThat(catalog.get("c003.affiliate-bo").dateText()).isEqualTo("before 1933");
        assertThat(catalog.get("c003.affiliate-in").dateText()).isEqualTo("after 1928");
    }

    @Test
    void theFoundingChronologyIsInOrder() {
        List<String> ids = List.of("c001.proposal-1922-09-13", "c001.birthday-1922-11-30",
                "c001.central-bureau-formed-1922-12-10", "c001.congress-of-soviets-1922-12", "c001.appeal-1922-12-29",
                "c001.first-cell-vyatka-1923-01-22", "c001.renamed-central-committee-1923-03-02",
                "c001.first-mopr-day-1923-03-18", "c001.magazine-mopr-1923-05-01", "c002.plenary-1923-06",
                "c001.charter-provincial-branches-1923-11-21", "c001.all-union-conference-1924-01-30",
                "c003.congress-1924-conference", "c003.congress-1927-conference", "c003.world-congress-1932-11");
        List<HistoricalDate> dates = ids.stream().map(id -> catalog.get(id).date()).toList();
        assertThat(dates).isSorted();
        assertThat(catalog.get("c001.renamed-central-committee-1923-03-02").event()).isEqualTo("renamed");
    }

    @Test
    void affiliatesTableDatesAreReadAsWritten() {
        assertThat(catalog.get("c003.affiliate-de").date()).isEqualTo(HistoricalDate.month(1924, 10));
        assertThat(catalog.get("c003.affiliate-bg").date()).isEqualTo(HistoricalDate.month(1923, 9));
        assertThat(catalog.get("c003.affiliate-lt").date()).isEqualTo(HistoricalDate.year(1918));
        assertThat(catalog.get("c003.affiliate-su").date()).isEqualTo(HistoricalDate.year(1922));
        assertThat(catalog.get("c003.affiliate-timor").inScope()).isFalse();
    }

    @Test
    void patronageLinksCitiesToCountriesPrisons() {
        Claim kiev = catalog.get("c001.patronage-kiev-pl");
        assertThat(kiev.kind()).isEqualTo(ClaimKind.LINK);
        assertThat(kiev.subject()).isEqualTo(Subject.parse("city:Kiev"));
        assertThat(kiev.link()).isEqualTo(Link.to("patronized", Subject.parse("country:PL")));
        assertThat(catalog.get("c001.patronage-ural-java").link().targets()).containsExactly(Subject.parse("country:JAVA"));
        assertThat(catalog.bySubject("city:Leningrad")).extracting(c -> c.link().targets().get(0).name())
                .containsExactly("FI", "EE");
        assertThat(catalog.bySubject("city:Kharkov")).hasSize(2);

        Claim moscow = catalog.get("c001.patronage-moscow-south");
        assertThat(moscow.link().mode()).isEqualTo(Link.Mode.ANY);
        assertThat(moscow.link().targets()).extracting(Subject::name).containsExactly("IT", "BG", "YU", "ES");
        assertThat(moscow.has(Flag.UNCERTAIN)).isTrue();
        assertThat(moscow.note()).contains("no pairing is stated");
    }

    @Test
    void leadershipTermsAreDatedLinks() {
        Claim stasova = catalog.get("c003.leader-stasova-1927-1937");
        assertThat(stasova.link()).isEqualTo(Link.to("headed", Subject.ORGANISATION));
        assertThat(stasova.date().earliest()).isEqualTo(LocalDate.of(1927, 1, 1));
        assertThat(stasova.date().latest()).isEqualTo(LocalDate.of(1937, 12, 31));
        assertThat(catalog.get("c003.leader-marchlewski-1922-1925").subject().name()).isEqualTo("Julian Marchlewski");
    }

    @Test
    void the1932SectionCountsConflictAndBothStay() {
        Claim sixtySeven = catalog.get("c003.sections-1932-outside-ussr-67");
        Claim sixtyTwo = catalog.get("c003.affiliates-1932-62");
        assertThat(sixtySeven.count()).isEqualTo(67);
        assertThat(sixtyTwo.count()).isEqualTo(62);
        assertThat(sixtySeven.conflictsWith()).contains(sixtyTwo.id());
        assertThat(sixtyTwo.conflictsWith()).contains(sixtySeven.id());
        assertThat(sixtySeven.has(Flag.DISPUTED)).isTrue();
        assertThat(sixtyTwo.has(Flag.DISPUTED)).isTrue();
        assertThat(catalog.conflicts()).anySatisfy(c -> {
            assertThat(List.of(c.first(), c.second())).containsExactlyInAnyOrder(sixtySeven.id(), sixtyTwo.id());
            assertThat(c.type()).isEqualTo(Conflict.Type.CONTRADICTION);
            assertThat(c.note()).contains("67").contains("62");
        });
    }

    @Test
    void textAgainstTableDateConflicts() {
        assertThat(catalog.get("c003.affiliate-de").conflictsWith())
                .containsExactlyInAnyOrder("c001.de-formed-1921-04", "c001.cc-rep-budich-de", "c001.de-support-1921-1924");
        assertThat(catalog.get("c003.affiliate-bg").conflictsWith())
                .containsExactlyInAnyOrder("c001.bg-formed-1920", "c001.cc-rep-kolarov-bg");
        assertThat(catalog.get("c003.affiliate-lt").conflictsWith()).isEmpty();
        assertThat(catalog.get("c001.birthday-1922-11-30").conflictsWith()).isEmpty();
        assertThat(catalog.get("c003.affiliate-mg").conflictsWith()).containsExactly("c003.mg-formed-1933");
        assertThat(catalog.get("c003.affiliate-es").conflictsWith()).containsExactly("c003.es-first-appearance-1934-10");
        assertThat(catalog.get("c003.affiliate-nl").conflictsWith()).isEmpty();
        assertThat(catalog.get("c002.founded-1922").conflictsWith()).isEmpty();
    }

    @Test
    void countsTheTableCannotAccountForAreDerivedRanges() {
        Claim by1928 = catalog.get("c003.table-affiliates-by-1928");
        assertThat(by1928.isDerived()).isTrue();
        assertThat(by1928.countLow()).isEqualTo(30);
        assertThat(by1928.countHigh()).isEqualTo(65);
        assertThat(by1928.conflictsWith()).containsExactlyInAnyOrder("c002.sections-1928", "c003.sections-1928");
        Claim by1932 = catalog.get("c003.table-affiliates-by-1932-outside-ussr");
        assertThat(List.of(by1932.countLow(), by1932.countHigh())).containsExactly(46L, 71L);
        assertThat(catalog.get("c003.table-affiliates-by-1924").countLow()).isEqualTo(14);
        assertThat(catalog.get("c003.table-affiliates-by-1931").countLow()).isEqualTo(46);
        assertThat(catalog.conflicts()).filteredOn(c -> c.type() == Conflict.Type.UNEXPLAINED_COUNT).hasSize(7);
    }

    private static void expectDate(String id, Precision precision, String earliest, String latest) {
        Claim c = catalog.get(id);
        assertThat(c.precision()).as(id).isEqualTo(precision);
        assertThat(c.date().earliest()).as(id).isEqualTo(earliest == null ? null : LocalDate.parse(earliest));
        assertThat(c.date().latest()).as(id).isEqualTo(latest == null ? null : LocalDate.parse(latest));
    }
}
