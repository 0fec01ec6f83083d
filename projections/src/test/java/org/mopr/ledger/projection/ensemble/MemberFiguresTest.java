package org.mopr.ledger.projection.ensemble;

import org.junit.jupiter.api.Test;
import org.mopr.ledger.fund.AidPurpose;
import org.mopr.ledger.fund.FundId;
import org.mopr.ledger.fund.ReceiveRemittance;
import org.mopr.ledger.fund.SendFundAid;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.provenance.Origin;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.section.SectionId;
import org.mopr.ledger.shared.RunId;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MemberFiguresTest {

    private static final RunId RUN = RunId.of("t-s1");

    @Test
    void aFundsBalanceIsALevelAtEveryMonthAndYearEndUpToTheLastYear() {
        FundId central = FundId.central(RUN);
        List<Object> commands = List.of(
                new ReceiveRemittance(central, LocalDate.of(1923, 3, 10), SectionId.of(RUN.value(), "SU"),
                        Money.of(10_000, "XRG"), Provenance.documented("c1")),
                new SendFundAid(central, LocalDate.of(1923, 5, 2), "PL", AidPurpose.UNSPECIFIED, Money.of(4_000, "XRG"),
                        false, Provenance.simulated("lognormal", Map.of(), 7, "c2")),
                new ReceiveRemittance(central, LocalDate.of(1924, 2, 1), SectionId.of(RUN.value(), "SU"),
                        Money.of(500, "XRG"), Provenance.documented("c3")));
        MemberFigures f = MemberFigures.fold(commands.iterator());
        Map<String, Long> v = f.values();
        assertThat(v.get("balance/fund:central/XRG/1923-03")).isEqualTo(10_000);
        assertThat(v.get("balance/fund:central/XRG/1923-04")).isEqualTo(10_000);
        assertThat(v.get("balance/fund:central/XRG/1923-05")).isEqualTo(6_000);
        assertThat(v.get("balance/fund:central/XRG/1923")).isEqualTo(6_000);
        assertThat(v.get("balance/fund:central/XRG/1924-01")).isEqualTo(6_000);
        assertThat(v.get("balance/fund:central/XRG/1924-12")).isEqualTo(6_500);
        assertThat(v.get("balance/fund:central/XRG")).isEqualTo(6_500);
        assertThat(v).doesNotContainKey("balance/fund:central/XRG/1923-02").doesNotContainKey("balance/fund:central/XRG/1925-01");
        FigureInfo info = f.infos().get("balance/fund:central/XRG/1923-03");
        assertThat(info.family()).isEqualTo("balance");
        assertThat(info.currency()).isEqualTo("XRG");
        assertThat(info.origin()).as("a balance with one simulated posting is simulated").isEqualTo(Origin.SIMULATED);
    }
}
