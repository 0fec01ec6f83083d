package org.mopr.ledger.projection.support;

import org.mopr.ledger.fund.AidPurpose;
import org.mopr.ledger.fund.AidSent;
import org.mopr.ledger.fund.FundId;
import org.mopr.ledger.fund.FundOpened;
import org.mopr.ledger.fund.Posting;
import org.mopr.ledger.fund.RemittanceReceived;
import org.mopr.ledger.fund.TransactionPosted;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.GoodsUnit;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.money.Quantity;
import org.mopr.ledger.organisation.ConferenceHeld;
import org.mopr.ledger.organisation.GoverningBodyRenamed;
import org.mopr.ledger.organisation.LeadershipChanged;
import org.mopr.ledger.organisation.MembershipScope;
import org.mopr.ledger.organisation.OrganisationFounded;
import org.mopr.ledger.organisation.OrganisationId;
import org.mopr.ledger.organisation.OrganisationMembershipReported;
import org.mopr.ledger.patronage.PatronageEnded;
import org.mopr.ledger.patronage.PatronageId;
import org.mopr.ledger.patronage.PrisonerPatronized;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.rates.ExchangeRateDeclared;
import org.mopr.ledger.section.DissolutionReason;
import org.mopr.ledger.section.DonationReceived;
import org.mopr.ledger.section.DuesCollected;
import org.mopr.ledger.section.FundsRemitted;
import org.mopr.ledger.section.GoodsDonated;
import org.mopr.ledger.section.MembershipReported;
import org.mopr.ledger.section.SectionDissolved;
import org.mopr.ledger.section.SectionFounded;
import org.mopr.ledger.section.SectionId;
import org.mopr.ledger.shared.RunId;
import org.mopr.ledger.time.HistoricalDate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A small run that touches every projection, with figures simple enough to check by hand:
 * SU collects dues of 100.00 + 50.00 USD in January 1924 and 25.00 in February, receives a 40.00 donation,
 * sends 60.00 of aid to Poland, remits 30.00 to the central fund (received), and the central fund splits
 * 20.00 between legal defence in Poland and parcels to Germany. SU's fund ends at 215.00 - 60.00 - 30.00 = 125.00.
 */
public final class Story {

    public static final Provenance DUES_CLAIM = Provenance.documented("claim.su.dues.1924");
    public static final Provenance MODEL = Provenance.simulated("monthly-dues", Map.of("months", "12"), 42L,
            "claim.su.dues.total");
    public static final Provenance CENSUS = Provenance.documented("claim.su.members.1924");

    private Story() {
    }

    public static SectionId su(String run) {
        return SectionId.of(run, "SU");
    }

    public static SectionId de(String run) {
        return SectionId.of(run, "DE");
    }

    public static EventLog log(String run) {
        EventLog log = new EventLog();
        events(run, log::append);
        return log;
    }

    /** Feeds the story's events, each with its aggregate, to {@code sink} in order. */
    public static void events(String run, java.util.function.BiConsumer<Object, Object> sink) {
        RunId r = RunId.of(run);
        OrganisationId mopr = new OrganisationId(r);
        FundId central = FundId.central(r);
        SectionId su = su(run);
        SectionId de = de(run);
        Currency usd = Currency.USD;
        sink.accept(mopr, new OrganisationFounded(mopr, "International Red Aid", HistoricalDate.year(1922),
                LocalDate.of(1922, 11, 1), Provenance.documented("claim.mopr.founded").placedBy("middle")));
        sink.accept(mopr, new GoverningBodyRenamed(mopr, "Central Bureau", "Central Committee",
                HistoricalDate.day(1923, 3, 2), LocalDate.of(1923, 3, 2), Provenance.documented("claim.cc")));
        sink.accept(mopr, new LeadershipChanged(mopr, "Julian Marchlewski", "chairman", HistoricalDate.year(1922),
                LocalDate.of(1922, 11, 1), Provenance.documented("claim.leader")));
        sink.accept(mopr, new ConferenceHeld(mopr, "conf-1924", "First International Conference", "Moscow",
                HistoricalDate.month(1924, 7), LocalDate.of(1924, 7, 14), 109L,
                new TreeMap<>(Map.of("CP", 91L, "YCI", 13L, "non-party", 5L)), Provenance.documented("claim.conf")));
        sink.accept(mopr, new OrganisationMembershipReported(mopr, LocalDate.of(1924, 1, 1), MembershipScope.ALL,
                4_000_000L, 40, Provenance.documented("claim.members.1924")));
        sink.accept(mopr, new ExchangeRateDeclared(mopr, "gold", usd, Currency.XRG, LocalDate.of(1924, 1, 1),
                LocalDate.of(1924, 12, 31), 194, 100, "Narkomfin bulletin 1924", false, Provenance.documented("claim.rate")));
        sink.accept(mopr, new ExchangeRateDeclared(mopr, "gold", Currency.of("DEM"), usd, LocalDate.of(1924, 1, 1),
                LocalDate.of(1924, 12, 31), 10, 42, null, true, Provenance.derived("assumed parity", "claim.rate")));
        sink.accept(central, new FundOpened(central, "MOPR aid fund", LocalDate.of(1923, 1, 1),
                new TreeSet<>(List.of(usd)), Provenance.documented("claim.fund")));
        sink.accept(su, new SectionFounded(su, "MOPR of the USSR", HistoricalDate.year(1922), LocalDate.of(1922, 12, 1),
                new TreeSet<>(List.of(usd)), Provenance.documented("claim.su.founded").placedBy("start")));
        sink.accept(de, new SectionFounded(de, "Rote Hilfe Deutschlands", HistoricalDate.year(1924),
                LocalDate.of(1924, 1, 1), new TreeSet<>(List.of(Currency.of("DEM"))), Provenance.documented("claim.de")));
        sink.accept(su, new MembershipReported(su, LocalDate.of(1924, 1, 1), 3_000_000, CENSUS));
        sink.accept(su, new MembershipReported(su, LocalDate.of(1924, 2, 1), 3_100_000, MODEL));
        sink.accept(de, new MembershipReported(de, LocalDate.of(1924, 3, 1), 150_000, Provenance.documented("claim.de.members")));
        sink.accept(su, new DuesCollected(su, LocalDate.of(1924, 1, 10), "cell-vyatka", Money.of(10_000, "USD"), DUES_CLAIM));
        sink.accept(su, new DuesCollected(su, LocalDate.of(1924, 1, 20), "cell-kursk", Money.of(5_000, "USD"), DUES_CLAIM));
        sink.accept(su, new DuesCollected(su, LocalDate.of(1924, 2, 5), "cell-tula", Money.of(2_500, "USD"), MODEL));
        sink.accept(su, new DonationReceived(su, LocalDate.of(1924, 2, 18), "factory", Money.of(4_000, "USD"),
                Provenance.documented("claim.su.donation")));
        sink.accept(su, new GoodsDonated(su, LocalDate.of(1924, 3, 1), "village", "grain", new Quantity(500, GoodsUnit.POOD),
                Provenance.documented("claim.grain")));
        sink.accept(su, new AidSent(r, su.fundAccount(), LocalDate.of(1924, 3, 5), "PL", AidPurpose.MATERIAL,
                Money.of(6_000, "USD"), false, Provenance.documented("claim.su.aid")));
        sink.accept(su, new FundsRemitted(su, LocalDate.of(1924, 3, 20), central, Money.of(3_000, "USD"), false,
                Provenance.documented("claim.remit")));
        sink.accept(central, new RemittanceReceived(central, LocalDate.of(1924, 4, 2), su, Money.of(3_000, "USD"),
                Provenance.documented("claim.remit")));
        sink.accept(central, new TransactionPosted(central, LocalDate.of(1924, 4, 10), "split", List.of(
                Posting.debit("aid/PL/legal", Money.of(1_500, "USD")), Posting.debit("aid/DE/parcels", Money.of(500, "USD")),
                Posting.credit(central.account(), Money.of(2_000, "USD"))), false, Provenance.derived("split", "claim.x")));
        PatronageId moscow = new PatronageId(r, "moscow", "PL");
        sink.accept(moscow, new PrisonerPatronized(moscow, "Moscow", HistoricalDate.year(1924), LocalDate.of(1924, 6, 1),
                Provenance.documented("claim.patronage")));
        sink.accept(moscow, new PatronageEnded(moscow, LocalDate.of(1925, 6, 1), Provenance.documented("claim.patronage.end")));
        sink.accept(de, new SectionDissolved(de, LocalDate.of(1924, 11, 1), DissolutionReason.BANNED,
                Provenance.documented("claim.de.ban")));
    }
}
