package org.mopr.ledger.projection.ensemble;

import org.mopr.ledger.fund.Posting;
import org.mopr.ledger.fund.PostTransaction;
import org.mopr.ledger.fund.ReceiveRemittance;
import org.mopr.ledger.fund.SendFundAid;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.organisation.ReportOrganisationMembership;
import org.mopr.ledger.provenance.LedgerCommand;
import org.mopr.ledger.provenance.Origin;
import org.mopr.ledger.section.CollectDues;
import org.mopr.ledger.section.DissolveSection;
import org.mopr.ledger.section.DuesLine;
import org.mopr.ledger.section.FoundSection;
import org.mopr.ledger.section.ReceiveDonation;
import org.mopr.ledger.section.RemitToFund;
import org.mopr.ledger.section.ReportMembership;
import org.mopr.ledger.section.SendSectionAid;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * One member's figures, folded from the commands its run sent through the aggregates (a command carries the
 * figures of its events): aid by country and currency, income by section, kind and currency, each over the whole
 * period, by year and by month; the money flows between accounts; membership by scope and month; sections active at
 * the end of each year; the balance of every fund account by currency at the end of each month and year and at the
 * end. Keys read like the comparison's ("aid/IT/XRG", "aid/IT/XRG/1924", "aid/IT/XRG/1924-03"); an account in a key
 * has its slashes written as colons ("balance/fund:central/XRG/1924"), so a key splits on its slashes alone.
 */
public final class MemberFigures {

    /** A plan larger than this is member-level scale, which an ensemble does not fold. */
    static final long MAX_COMMANDS = 200_000;

    private final Map<String, Long> values = new HashMap<>();
    private final Map<String, FigureInfo> infos = new HashMap<>();
    private final Map<String, LocalDate[]> sections = new TreeMap<>();
    /** Each fund account's net postings by day, keyed "balance/fund:central/XRG". */
    private final Map<String, TreeMap<LocalDate, Long>> moves = new TreeMap<>();
    private final Map<String, FigureInfo> moveInfos = new HashMap<>();
    private LocalDate first;
    private LocalDate last;

    public static MemberFigures fold(Iterator<Object> commands) {
        MemberFigures f = new MemberFigures();
        long n = 0;
        while (commands.hasNext()) {
            if (++n > MAX_COMMANDS) {
                throw new IllegalArgumentException("a plan of more than " + MAX_COMMANDS + " commands is not an ensemble"
                        + " member: member-level scenarios belong in single runs");
            }
            f.add(commands.next());
        }
        f.sectionsByYear();
        f.balances();
        return f;
    }

    public Map<String, Long> values() {
        return values;
    }

    public Map<String, FigureInfo> infos() {
        return infos;
    }

    private void add(Object command) {
        Origin origin = command instanceof LedgerCommand c ? c.provenance().origin() : Origin.DERIVED;
        if (command instanceof SendFundAid c) {
            money("aid", "aid/" + c.country(), c.sentOn(), c.amount(), origin);
            money("flow", "flow/fund:central/aid:" + c.country(), c.sentOn(), c.amount(), origin);
            posting(c.fundId().account(), c.sentOn(), c.amount().negate(), origin);
        } else if (command instanceof ReceiveRemittance c) {
            posting(c.fundId().account(), c.receivedOn(), c.amount(), origin);
        } else if (command instanceof PostTransaction c) {
            for (Posting p : c.postings()) {
                if (c.fundId().owns(p.account())) {
                    posting(p.account(), c.postedOn(), p.amount(), origin);
                }
            }
        } else if (command instanceof SendSectionAid c) {
            money("aid", "aid/" + c.country(), c.sentOn(), c.amount(), origin);
            money("flow", "flow/section:" + c.sectionId().code() + "/aid:" + c.country(), c.sentOn(), c.amount(), origin);
        } else if (command instanceof CollectDues c) {
            for (DuesLine l : c.lines()) {
                money("income", "income/" + c.sectionId().code() + "/DUES", l.paidOn(), l.amount(), origin);
            }
        } else if (command instanceof ReceiveDonation c) {
            money("income", "income/" + c.sectionId().code() + "/DONATION", c.receivedOn(), c.amount(), origin);
        } else if (command instanceof RemitToFund c) {
            money("flow", "flow/section:" + c.sectionId().code() + "/fund:" + c.fund().key(), c.remittedOn(), c.amount(),
                    origin);
        } else if (command instanceof ReportOrganisationMembership c && c.members() != null) {
            count("membership", "membership/" + c.scope().name() + "/" + month(c.asOf()), c.members(), "members", origin);
        } else if (command instanceof ReportMembership c) {
            count("membership", "membership/section:" + c.sectionId().code() + "/" + month(c.asOf()), c.members(),
                    "members", origin);
        } else if (command instanceof FoundSection c && c.placedOn() != null) {
            sections.computeIfAbsent(c.sectionId().code(), k -> new LocalDate[2])[0] = c.placedOn();
            span(c.placedOn());
            widenSections(origin);
        } else if (command instanceof DissolveSection c) {
            sections.computeIfAbsent(c.sectionId().code(), k -> new LocalDate[2])[1] = c.on();
        }
    }

    private Origin sectionsOrigin = Origin.DOCUMENTED;

    private void widenSections(Origin origin) {
        if (FigureInfo.rank(origin) > FigureInfo.rank(sectionsOrigin)) {
            sectionsOrigin = origin;
        }
    }

    private void money(String family, String prefix, LocalDate day, Money amount, Origin origin) {
        String base = prefix + "/" + amount.currency().code();
        FigureInfo info = new FigureInfo(family, "minor", amount.currency().code(), amount.currency().minorDigits(), origin);
        put(base, amount.minor(), info);
        put(base + "/" + day.getYear(), amount.minor(), info);
        put(base + "/" + month(day), amount.minor(), info);
        span(day);
    }

    private void count(String family, String key, long value, String unit, Origin origin) {
        // A census or an interpolated point is a level, not a flow: the last one of its month stands for the month.
        values.put(key, value);
        infos.merge(key, new FigureInfo(family, unit, null, null, origin), (a, b) -> a.widen(b.origin()));
    }

    private void put(String key, long minor, FigureInfo info) {
        values.merge(key, minor, Long::sum);
        infos.merge(key, info, (a, b) -> a.widen(b.origin()));
    }

    /** A posting on a fund's account, as the fund books it: debits (money arriving) positive. */
    private void posting(String account, LocalDate day, Money amount, Origin origin) {
        String key = "balance/" + account.replace('/', ':') + "/" + amount.currency().code();
        moves.computeIfAbsent(key, k -> new TreeMap<>()).merge(day, amount.minor(), Long::sum);
        moveInfos.merge(key, new FigureInfo("balance", "minor", amount.currency().code(),
                amount.currency().minorDigits(), origin), (a, b) -> a.widen(b.origin()));
        span(day);
    }

    /**
     * A balance is a level: the sum of every posting up to the end of the month (or year), from the account's first
     * posting to the end of the last year of the record, so a month without postings still has its balance and
     * every member ends in the same month. Its origin is the most modelled of the account's postings.
     */
    private void balances() {
        for (Map.Entry<String, TreeMap<LocalDate, Long>> e : moves.entrySet()) {
            String key = e.getKey();
            FigureInfo info = moveInfos.get(key);
            Iterator<Map.Entry<LocalDate, Long>> days = e.getValue().entrySet().iterator();
            Map.Entry<LocalDate, Long> next = days.next();
            long balance = 0;
            YearMonth end = YearMonth.of(last.getYear(), 12);
            for (YearMonth m = YearMonth.from(next.getKey()); !m.isAfter(end); m = m.plusMonths(1)) {
                while (next != null && !YearMonth.from(next.getKey()).isAfter(m)) {
                    balance += next.getValue();
                    next = days.hasNext() ? days.next() : null;
                }
                put(key + "/" + m, balance, info);
                if (m.getMonthValue() == 12) {
                    put(key + "/" + m.getYear(), balance, info);
                }
            }
            put(key, balance, info);
        }
    }

    private void span(LocalDate day) {
        first = first == null || day.isBefore(first) ? day : first;
        last = last == null || day.isAfter(last) ? day : last;
    }

    private void sectionsByYear() {
        if (first == null) {
            return;
        }
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            LocalDate end = LocalDate.of(year, 12, 31);
            long active = sections.values().stream().filter(d -> d[0] != null && !d[0].isAfter(end)
                    && (d[1] == null || d[1].isAfter(end))).count();
            String key = "sections/" + year;
            values.put(key, active);
            infos.put(key, new FigureInfo("sections", "sections", null, null, sectionsOrigin));
        }
    }

    private static String month(LocalDate day) {
        return day.toString().substring(0, 7);
    }
}
