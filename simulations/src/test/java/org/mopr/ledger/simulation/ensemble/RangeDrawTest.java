package org.mopr.ledger.simulation.ensemble;

import org.junit.jupiter.api.Test;
import org.mopr.ledger.catalog.BoundSide;
import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.catalog.ClaimValue;
import org.mopr.ledger.provenance.Origin;
import org.mopr.ledger.section.CollectDues;
import org.mopr.ledger.section.DonateGoods;
import org.mopr.ledger.shared.RunId;
import org.mopr.ledger.simulation.allocation.RangeDraw;
import org.mopr.ledger.simulation.compiler.ScenarioCompiler;
import org.mopr.ledger.simulation.scenario.ScenarioReader;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code --vary ranges}: a booked figure the sources give as a range or bound (the "thousands of poods" of bread from
 * Ukraine, at least 2,000) is drawn per member within it by the declared distribution, while every documented total
 * stays exact in every member.
 */
class RangeDrawTest {

    private static final Catalog CATALOG = Catalog.loadHistorical();
    private static final String BREAD = "c001.ukraine-volga-bread";

    private static List<Object> member(Set<Variation> vary, int i) {
        List<Object> commands = new ArrayList<>();
        ScenarioCompiler.compile(ScenarioReader.source("historical"), null, CATALOG, List.of(),
                        s -> MemberSettings.member(s, vary, 1922, i))
                .commands().apply(RunId.of("t")).forEachRemaining(commands::add);
        return commands;
    }

    private static DonateGoods bread(List<Object> commands) {
        return commands.stream().filter(DonateGoods.class::isInstance).map(DonateGoods.class::cast)
                .filter(d -> d.provenance().claims().contains(BREAD)).findFirst().orElseThrow();
    }

    private static Map<String, Long> dues(List<Object> commands) {
        Map<String, Long> totals = new TreeMap<>();
        commands.stream().filter(CollectDues.class::isInstance).map(CollectDues.class::cast)
                .flatMap(d -> d.lines().stream())
                .forEach(l -> totals.merge(l.amount().currency().code(), l.amount().minor(), Long::sum));
        return totals;
    }

    @Test
    void eachMemberDrawsTheBoundedQuantityWithinItAndKeepsEveryDocumentedTotal() {
        Set<Variation> ranges = EnumSet.of(Variation.RANGES);
        List<Object> point = member(EnumSet.of(Variation.SEED), 0);
        assertThat(bread(point).quantity().amount()).isEqualTo(2000);
        assertThat(bread(point).provenance().origin()).isEqualTo(Origin.DERIVED);

        Set<Long> drawn = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            List<Object> commands = member(ranges, i);
            DonateGoods gift = bread(commands);
            assertThat(gift.quantity().amount()).isBetween(2000L, 4000L);
            assertThat(gift.provenance().origin()).isEqualTo(Origin.SIMULATED);
            assertThat(gift.provenance().rule()).isEqualTo("range-draw");
            assertThat(gift.provenance().parameters()).containsEntry("low", "2000").containsEntry("high", "4000")
                    .containsEntry("distribution", "uniform");
            drawn.add(gift.quantity().amount());
            // The money the sources document is the same in every member, to the minor unit.
            assertThat(dues(commands)).isEqualTo(dues(point));
        }
        assertThat(drawn).hasSizeGreaterThan(15);
        // The same member draws the same figure on every machine and every time.
        assertThat(bread(member(ranges, 3)).quantity()).isEqualTo(bread(member(ranges, 3)).quantity());
        assertThat(MemberSettings.assumptions(ranges)).contains("at least X: X..2X");
    }

    @Test
    void theDeclaredDistributionClosesEachKindOfSpan() {
        assertThat(RangeDraw.draw(ClaimValue.approximate(250_000), 2, 7).value())
                .isBetween(new BigDecimal("225000"), new BigDecimal("275000"));
        assertThat(RangeDraw.draw(ClaimValue.range(14, 37), 0, 7).value()).isBetween(BigDecimal.valueOf(14), BigDecimal.valueOf(37));
        RangeDraw.Draw atMost = RangeDraw.draw(ClaimValue.bound(BoundSide.AT_MOST, 300), 0, 7);
        assertThat(atMost.low()).isEqualByComparingTo("150");
        assertThat(atMost.high()).isEqualByComparingTo("300");
        assertThat(RangeDraw.spans(ClaimValue.exact(5))).isFalse();
        assertThatThrownBy(() -> RangeDraw.draw(ClaimValue.exact(5), 0, 7)).isInstanceOf(IllegalArgumentException.class);
    }
}
