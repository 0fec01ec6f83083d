package org.mopr.ledger.api.projection;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mopr.ledger.fund.FundId;
import org.mopr.ledger.fund.OpenFund;
import org.mopr.ledger.fund.ReceiveRemittance;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.section.CollectDues;
import org.mopr.ledger.section.DuesLine;
import org.mopr.ledger.section.FoundSection;
import org.mopr.ledger.section.RemitToFund;
import org.mopr.ledger.section.SectionId;
import org.mopr.ledger.time.HistoricalDate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.awaitility.Awaitility.await;

/** Helpers of the projection integration tests: commands that make events, and waiting for the processor. */
final class Projected {

    static final Provenance DOC = Provenance.documented("claim.test.dues");

    private Projected() {
    }

    /** Waits until the live processor has projected every event in the store. */
    static void awaitAllProjected(JdbcTemplate jdbc) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> projected(jdbc) == stored(jdbc));
    }

    static long projected(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM proj_event", Long.class);
    }

    static long stored(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    static SectionId foundSection(CommandGateway commands, String run, String code, Currency currency) {
        SectionId id = SectionId.of(run, code);
        commands.sendAndWait(new FoundSection(id, "section " + code, HistoricalDate.year(1922), LocalDate.of(1922, 12, 1),
                Set.of(currency), Provenance.documented("claim.founded." + code)));
        return id;
    }

    /** {@code lines} payments of 1.00 .. lines.00 (cents x 100), spread over the twelve months of 1924. */
    static void collectDues(CommandGateway commands, SectionId section, int lines, String currency) {
        List<DuesLine> batch = new ArrayList<>();
        for (int i = 1; i <= lines; i++) {
            batch.add(new DuesLine(LocalDate.of(1924, 1 + i % 12, 1 + i % 28), "payer-" + i, Money.of(100L * i, currency)));
        }
        commands.sendAndWait(new CollectDues(section, batch, DOC));
    }

    /** Both sides of a remittance into the central fund (opened here), leaving the clearing account at zero. */
    static void remit(CommandGateway commands, SectionId section, long cents) {
        FundId central = FundId.central(section.run());
        commands.sendAndWait(new OpenFund(central, "aid fund", LocalDate.of(1923, 1, 1), Set.of(Currency.USD),
                Provenance.documented("claim.fund")));
        Money amount = Money.of(cents, "USD");
        commands.sendAndWait(new RemitToFund(section, LocalDate.of(1924, 12, 20), central, amount, false,
                Provenance.documented("claim.remit")));
        commands.sendAndWait(new ReceiveRemittance(central, LocalDate.of(1925, 1, 5), section, amount,
                Provenance.documented("claim.remit")));
    }
}
