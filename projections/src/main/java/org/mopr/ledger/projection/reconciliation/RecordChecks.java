package org.mopr.ledger.projection.reconciliation;

import org.mopr.ledger.catalog.Claim;
import org.mopr.ledger.catalog.Link;
import org.mopr.ledger.catalog.Scope;
import org.mopr.ledger.catalog.Subject;
import org.mopr.ledger.catalog.ValueType;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Dates (foundings, renamings, conferences), links (patronage, leadership) and goods in kind. */
final class RecordChecks {

    /** The governing body's successive names: a "renamed" claim about one is checked against the next. */
    private static final Map<String, String> NEXT_NAME = Map.of(
            "Central Bureau", "Central Committee",
            "Central Committee", "Executive Committee");

    private RecordChecks() {
    }

    static Line date(Claim c, RunFacts facts) {
        Subject s = c.subject();
        Optional<LocalDate> actual = Optional.empty();
        String what = null;
        if ("founded".equals(c.event()) && s.type() == Subject.Type.SECTION) {
            actual = facts.sectionPlaced(s.name());
            what = "section " + s.name();
            Optional<LocalDate> mopr = facts.organisationPlaced();
            if (actual.isPresent() && mopr.isPresent() && actual.get().equals(mopr.get()) && c.date().latest() != null
                    && c.date().latest().isBefore(mopr.get())) {
                // A national body older than MOPR (Lithuanian Red Aid, 1918) joins it at its founding.
                return Checks.line(c, "DATE", Status.MATCH, c.dateText(), actual.get().toString(), "0 days",
                        "the national body was founded in " + c.dateText() + ", before MOPR existed; section " + s.name()
                                + " joins MOPR at its founding, " + actual.get());
            }
        } else if ("collections-began".equals(c.event()) && s.type() == Subject.Type.SECTION) {
            actual = facts.firstIncome(s.name(), "DUES");
            what = "the first month of dues of section " + s.name() + " (kept by month)";
        } else if ("founded".equals(c.event()) && s.type() == Subject.Type.ORGANISATION) {
            actual = facts.organisationPlaced();
            what = "the organisation";
        } else if ("renamed".equals(c.event()) && s.type() == Subject.Type.BODY && NEXT_NAME.containsKey(s.name())) {
            actual = facts.governingBodyNamed(NEXT_NAME.get(s.name()));
            what = "the renaming to " + NEXT_NAME.get(s.name());
        } else if ("formed".equals(c.event()) && s.type() == Subject.Type.BODY && "Central Bureau".equals(s.name())) {
            actual = facts.fundOpened("central");
            what = "the central fund, opened with the Central Bureau,";
        } else if ("held".equals(c.event()) && s.type() == Subject.Type.CONFERENCE && c.scope().type() == Scope.Type.EXTERNAL) {
            return Checks.uncheckable(c, "DATE", "an external event, not MOPR's: the ledger records MOPR's own conferences");
        } else if ("held".equals(c.event()) && s.type() == Subject.Type.CONFERENCE) {
            actual = facts.conference(s.name()).map(RunFacts.Conference::placedOn);
            what = "conference " + s.name();
        } else {
            return Checks.uncheckable(c, "DATE", "the ledger records no '" + c.event() + "' events of " + s);
        }
        String subject = what;
        return actual.map(day -> Checks.day(c, "DATE", day, subject))
                .orElseGet(() -> Checks.line(c, "DATE", Status.MISMATCH, c.dateText(), "none", null,
                        "the stream holds no event for " + c.subject()));
    }

    static Line link(Claim c, RunFacts facts) {
        Link link = c.link();
        if ("patronized".equals(link.relation())) {
            String city = key(c.subject().name());
            List<String> present = link.targets().stream().map(Subject::name).filter(t -> facts.patronage(city, t)).toList();
            List<String> targets = link.targets().stream().map(Subject::name).toList();
            boolean ok = link.mode() == Link.Mode.ANY ? present.size() == 1 : present.size() == targets.size();
            String reason = link.mode() == Link.Mode.ANY
                    ? "the source pairs the city with one of " + targets + " without saying which; the run has " + present
                    : "patronage of " + c.subject().name() + " over prisoners in " + targets;
            return Checks.line(c, "LINK", ok ? Status.MATCH : Status.MISMATCH, link.render(),
                    present.isEmpty() ? "none" : "patronized " + String.join(", ", present), null, reason);
        }
        if ("headed".equals(link.relation()) && c.subject().type() == Subject.Type.PERSON
                && link.targets().size() == 1 && link.targets().get(0).type() == Subject.Type.ORGANISATION) {
            boolean ok = facts.leader(c.subject().name());
            return Checks.line(c, "LINK", ok ? Status.MATCH : Status.MISMATCH, c.subject().name() + " headed MOPR",
                    ok ? "leader in the stream" : "none", null, "leadership over " + c.dateText());
        }
        return Checks.uncheckable(c, "LINK", "the ledger records no '" + link.relation() + "' links");
    }

    static Line goods(Claim c, RunFacts facts) {
        if (c.scope().type() != Scope.Type.SECTION) {
            return Checks.uncheckable(c, "GOODS", "the ledger keeps goods by section");
        }
        Optional<Long> actual = facts.goods(c.scope().section(), c.commodity(), c.goodsUnit().code());
        if (actual.isEmpty()) {
            return Checks.line(c, "GOODS", Status.MISMATCH, c.renderValue() + " " + c.unit(), "none", null,
                    "no " + c.commodity() + " given to section " + c.scope().section() + " in the stream");
        }
        long got = actual.get();
        if (c.value().type() == ValueType.UNSTATED) {
            return Checks.line(c, "GOODS", Status.MATCH, "a lot of " + c.commodity(), got + " " + c.unit(), null,
                    "the source gives no quantity; the run records the gift");
        }
        long stated = c.quantity().amount();
        boolean ok = c.value().type() == ValueType.BOUND ? got >= stated : got == stated;
        return Checks.line(c, "GOODS", ok ? Status.MATCH : Status.MISMATCH, c.renderValue() + " " + c.unit(),
                got + " " + c.unit(), String.valueOf(got - stated), c.commodity() + " given to section " + c.scope().section());
    }

    /** The patronage table keys cities as the compiler does. */
    static String key(String name) {
        return org.mopr.ledger.shared.Keys.of(name);
    }
}
