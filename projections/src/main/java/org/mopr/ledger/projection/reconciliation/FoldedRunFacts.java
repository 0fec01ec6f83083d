package org.mopr.ledger.projection.reconciliation;

import org.mopr.ledger.fund.OpenFund;
import org.mopr.ledger.fund.PostTransaction;
import org.mopr.ledger.fund.ReceiveRemittance;
import org.mopr.ledger.fund.SendFundAid;
import org.mopr.ledger.organisation.ChangeLeadership;
import org.mopr.ledger.organisation.FoundOrganisation;
import org.mopr.ledger.organisation.HoldConference;
import org.mopr.ledger.organisation.RenameGoverningBody;
import org.mopr.ledger.organisation.ReportOrganisationMembership;
import org.mopr.ledger.organisation.SetClaimAside;
import org.mopr.ledger.patronage.EstablishPatronage;
import org.mopr.ledger.provenance.Origin;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.provenance.LedgerCommand;
import org.mopr.ledger.rates.DeclareExchangeRate;
import org.mopr.ledger.section.CollectDues;
import org.mopr.ledger.section.DissolveSection;
import org.mopr.ledger.section.DonateGoods;
import org.mopr.ledger.section.DuesLine;
import org.mopr.ledger.section.FoundSection;
import org.mopr.ledger.section.ReceiveDonation;
import org.mopr.ledger.section.RemitToFund;
import org.mopr.ledger.section.SendSectionAid;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A compiled plan folded in memory into the figures the reconciliation reads: what a run would say, without
 * sending a command or writing a row. Used for held-out runs, so a hold-out costs one compile and no store writes.
 * Commands carry the figures their events will carry; the aggregates' rules are not applied, which a plan the
 * compiler built already respects (the stored run of the same plan gives the same figures).
 */
public final class FoldedRunFacts implements RunFacts {

    /** A plan larger than this is not folded in memory: member-level scale belongs in the store. */
    static final long MAX_COMMANDS = 200_000;

    /** The event type each command becomes, for the provenance the basis is computed from. */
    private static final Map<Class<?>, String> EVENT_TYPES = Map.ofEntries(
            Map.entry(FoundSection.class, "SectionFounded"), Map.entry(CollectDues.class, "DuesCollected"),
            Map.entry(ReceiveDonation.class, "DonationReceived"), Map.entry(SendSectionAid.class, "AidSent"),
            Map.entry(SendFundAid.class, "AidSent"), Map.entry(RemitToFund.class, "FundsRemitted"),
            Map.entry(ReceiveRemittance.class, "RemittanceReceived"), Map.entry(PostTransaction.class, "TransactionPosted"),
            Map.entry(DonateGoods.class, "GoodsDonated"), Map.entry(DissolveSection.class, "SectionDissolved"),
            Map.entry(OpenFund.class, "FundOpened"), Map.entry(FoundOrganisation.class, "OrganisationFounded"),
            Map.entry(RenameGoverningBody.class, "GoverningBodyRenamed"), Map.entry(HoldConference.class, "ConferenceHeld"),
            Map.entry(ChangeLeadership.class, "LeadershipChanged"),
            Map.entry(ReportOrganisationMembership.class, "OrganisationMembershipReported"),
            Map.entry(SetClaimAside.class, "ClaimSetAside"), Map.entry(DeclareExchangeRate.class, "ExchangeRateDeclared"),
            Map.entry(EstablishPatronage.class, "PrisonerPatronized"));

    private record Month(String key, LocalDate month) {
    }

    private record CensusRow(LocalDate asOf, String scope, Long members, Integer sections) {
    }

    private final String run;
    private final Map<String, LocalDate> sectionPlaced = new LinkedHashMap<>();
    private final Map<String, LocalDate> sectionDissolved = new HashMap<>();
    private final Map<Month, Long> income = new HashMap<>();
    private final Map<Month, Long> aid = new HashMap<>();
    private final List<CensusRow> censuses = new ArrayList<>();
    /** Section censuses, the section's code in place of the scope. */
    private final List<CensusRow> sectionCensuses = new ArrayList<>();
    private final Map<String, LocalDate> renamed = new HashMap<>();
    private final Map<String, LocalDate> funds = new HashMap<>();
    private final Map<String, Conference> conferences = new HashMap<>();
    private final Set<String> patronage = new HashSet<>();
    private final Set<String> leaders = new HashSet<>();
    private final Map<String, Long> goods = new HashMap<>();
    private final Map<String, String> aside = new HashMap<>();
    private final List<DeclareExchangeRate> rates = new ArrayList<>();
    private final Map<String, Set<String>> claims = new TreeMap<>();
    private LocalDate organisation;

    public FoldedRunFacts(String run, Iterator<Object> commands) {
        this.run = run;
        long n = 0;
        while (commands.hasNext()) {
            if (++n > MAX_COMMANDS) {
                throw new IllegalArgumentException("a plan of more than " + MAX_COMMANDS + " commands is not folded in"
                        + " memory: run it into the store instead");
            }
            fold(commands.next());
        }
    }

    private void fold(Object command) {
        Provenance p = command instanceof LedgerCommand c ? c.provenance() : null;
        String type = EVENT_TYPES.get(command.getClass());
        if (p != null && type != null && !(command instanceof SetClaimAside)) {
            claims.computeIfAbsent(type + " " + p.origin().name(), k -> new TreeSet<>()).addAll(p.claims());
        }
        if (command instanceof FoundSection c) {
            sectionPlaced.put(c.sectionId().code(), c.placedOn());
        } else if (command instanceof DissolveSection c) {
            sectionDissolved.put(c.sectionId().code(), c.on());
        } else if (command instanceof CollectDues c) {
            for (DuesLine l : c.lines()) {
                add(income, c.sectionId().code() + "|DUES|" + l.amount().currency().code(), l.paidOn(), l.amount().minor());
            }
        } else if (command instanceof ReceiveDonation c) {
            add(income, c.sectionId().code() + "|DONATION|" + c.amount().currency().code(), c.receivedOn(),
                    c.amount().minor());
        } else if (command instanceof SendFundAid c) {
            add(aid, c.amount().currency().code(), c.sentOn(), c.amount().minor());
        } else if (command instanceof SendSectionAid c) {
            add(aid, c.amount().currency().code(), c.sentOn(), c.amount().minor());
        } else if (command instanceof org.mopr.ledger.section.ReportMembership c) {
            if (c.provenance().origin() != Origin.SIMULATED) {
                sectionCensuses.add(new CensusRow(c.asOf(), c.sectionId().code(), c.members(), null));
            }
        } else if (command instanceof ReportOrganisationMembership c) {
            if (c.provenance().origin() != Origin.SIMULATED) {
                censuses.add(new CensusRow(c.asOf(), c.scope().name(), c.members(), c.sections()));
            }
        } else if (command instanceof FoundOrganisation c) {
            organisation = c.placedOn();
        } else if (command instanceof RenameGoverningBody c) {
            renamed.putIfAbsent(c.newName(), c.placedOn());
        } else if (command instanceof OpenFund c) {
            funds.putIfAbsent(c.fundId().key(), c.openedOn());
        } else if (command instanceof HoldConference c) {
            conferences.putIfAbsent(c.conferenceKey(), new Conference(c.placedOn(), c.delegates(),
                    c.delegatesByGroup() == null ? Map.of() : new TreeMap<>(c.delegatesByGroup())));
        } else if (command instanceof EstablishPatronage c) {
            patronage.add(c.patronageId().city() + "|" + c.patronageId().prisonCountry());
        } else if (command instanceof ChangeLeadership c) {
            leaders.add(c.person());
        } else if (command instanceof DonateGoods c) {
            goods.merge(c.sectionId().code() + "|" + c.goods() + "|" + c.quantity().unit().code(), c.quantity().amount(),
                    Long::sum);
        } else if (command instanceof SetClaimAside c) {
            aside.putIfAbsent(c.claimId(), c.reason());
        } else if (command instanceof DeclareExchangeRate c) {
            rates.add(c);
        }
        // Remittances and other transfers move money between accounts; no check reads them.
    }

    private static void add(Map<Month, Long> sums, String key, LocalDate day, long minor) {
        sums.merge(new Month(key, day.withDayOfMonth(1)), minor, Long::sum);
    }

    private static boolean within(LocalDate month, LocalDate from, LocalDate to) {
        return !month.isBefore(from.withDayOfMonth(1)) && !month.isAfter(to);
    }

    @Override
    public String run() {
        return run;
    }

    @Override
    public Map<String, Long> aidByCurrency(LocalDate from, LocalDate to) {
        Map<String, Long> sums = new TreeMap<>();
        aid.forEach((m, v) -> {
            if (within(m.month(), from, to)) {
                sums.merge(m.key(), v, Long::sum);
            }
        });
        return sums;
    }

    @Override
    public long income(String section, String kind, String currency, LocalDate from, LocalDate to) {
        String key = section + "|" + kind + "|" + currency;
        return income.entrySet().stream().filter(e -> e.getKey().key().equals(key) && within(e.getKey().month(), from, to))
                .mapToLong(Map.Entry::getValue).sum();
    }

    @Override
    public Optional<LocalDate> firstIncome(String section, String kind) {
        String prefix = section + "|" + kind + "|";
        return income.keySet().stream().filter(m -> m.key().startsWith(prefix)).map(Month::month).min(LocalDate::compareTo);
    }

    @Override
    public Optional<LocalDate> firstAid() {
        return aid.keySet().stream().map(Month::month).min(LocalDate::compareTo);
    }

    @Override
    public Optional<Long> sectionCensus(String section, LocalDate from, LocalDate to) {
        return sectionCensuses.stream().filter(c -> c.scope().equals(section) && !c.asOf().isBefore(from)
                && !c.asOf().isAfter(to)).map(CensusRow::members).findFirst();
    }

    @Override
    public Optional<Census> census(LocalDate from, LocalDate to, String scope) {
        return censuses.stream().filter(c -> c.scope().equals(scope) && !c.asOf().isBefore(from) && !c.asOf().isAfter(to))
                .map(c -> new Census(c.members(), c.sections()))
                .reduce((a, b) -> new Census(a.members() != null ? a.members() : b.members(),
                        a.sections() != null ? a.sections() : b.sections()));
    }

    @Override
    public long sectionsInExistence(LocalDate day, boolean outsideUssr) {
        return sectionPlaced.entrySet().stream().filter(e -> !e.getValue().isAfter(day))
                .filter(e -> sectionDissolved.get(e.getKey()) == null || sectionDissolved.get(e.getKey()).isAfter(day))
                .filter(e -> !outsideUssr || !"SU".equals(e.getKey())).count();
    }

    @Override
    public Optional<LocalDate> sectionPlaced(String code) {
        return Optional.ofNullable(sectionPlaced.get(code));
    }

    @Override
    public Optional<LocalDate> organisationPlaced() {
        return Optional.ofNullable(organisation);
    }

    @Override
    public Optional<LocalDate> governingBodyNamed(String newName) {
        return Optional.ofNullable(renamed.get(newName));
    }

    @Override
    public Optional<LocalDate> fundOpened(String key) {
        return Optional.ofNullable(funds.get(key));
    }

    @Override
    public Optional<Conference> conference(String key) {
        return Optional.ofNullable(conferences.get(key));
    }

    @Override
    public boolean patronage(String cityKey, String country) {
        return patronage.contains(cityKey + "|" + country);
    }

    @Override
    public boolean leader(String person) {
        return leaders.contains(person);
    }

    @Override
    public Optional<Long> goods(String section, String commodity, String unit) {
        return Optional.ofNullable(goods.get(section + "|" + commodity + "|" + unit));
    }

    @Override
    public Optional<String> setAside(String claimId) {
        return Optional.ofNullable(aside.get(claimId));
    }

    @Override
    public Optional<Rate> rate(String from, String to, LocalDate day) {
        return rates.stream().filter(r -> r.from().code().equals(from) && r.to().code().equals(to)
                        && !r.validFrom().isAfter(day) && !r.validTo().isBefore(day))
                .map(r -> new Rate(r.numerator(), r.denominator(), r.citation(), r.assumption())).findFirst();
    }

    @Override
    public Map<String, Set<String>> claimsByEventType() {
        return claims;
    }
}
