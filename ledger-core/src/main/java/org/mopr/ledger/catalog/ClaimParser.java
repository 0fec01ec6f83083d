package org.mopr.ledger.catalog;

import org.mopr.ledger.catalog.CatalogYaml.ClaimSpec;
import org.mopr.ledger.catalog.CatalogYaml.DerivationSpec;
import org.mopr.ledger.catalog.CatalogYaml.LinkSpec;
import org.mopr.ledger.catalog.CatalogYaml.ValueSpec;
import org.mopr.ledger.money.Currency;
import org.mopr.ledger.money.GoodsUnit;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.shared.DomainException;
import org.mopr.ledger.time.HistoricalDate;
import org.mopr.ledger.time.Precision;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns one claim as written into a {@link Claim}, checking everything that needs only the claim and its seed.
 * Checks that need the whole catalog (unique ids, links, sections) are {@link CatalogValidator}'s.
 * Every failure is a {@link DomainException} whose message the reader files under the claim's id.
 */
final class ClaimParser {

    static final Pattern CLAIM_ID = Pattern.compile("c(\\d{3})\\.[a-z0-9]+(?:[.-][a-z0-9]+)*");
    private static final int MAX_ID = 80;
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern COUNT_UNIT = Pattern.compile("[a-z][a-z -]{0,39}");
    private static final int MIN_QUOTE = 8;
    private static final int MAX_QUOTE = 4_000;
    private static final int MAX_TEXT = 4_000;

    private ClaimParser() {
    }

    /** The three digits a claim id must carry for a seed named {@code NNN_...}: "c001." for 001_x.txt. */
    static String idPrefix(String seedName) {
        return "c" + seedName.substring(0, 3) + ".";
    }

    static Claim parse(ClaimSpec s, String seedName, SeedText seed) {
        String id = s.id();
        if (id == null || id.length() > MAX_ID || !CLAIM_ID.matcher(id).matches()) {
            throw new DomainException("id '" + id + "' must match " + CLAIM_ID.pattern() + " and be at most "
                    + MAX_ID + " characters");
        }
        if (!id.startsWith(idPrefix(seedName))) {
            throw new DomainException("id must start with '" + idPrefix(seedName) + "' because it quotes " + seedName);
        }
        ClaimKind kind = enumValue(ClaimKind.class, "kind", s.kind());
        Subject subject = Subject.parse(s.subject());
        String statement = text("statement", s.statement(), true);
        if (s.source() == null || !s.source().equals(seedName)) {
            throw new DomainException("source '" + s.source() + "' must be this file's seed, " + seedName);
        }
        String quote = text("quote", s.quote(), true);
        if (quote.length() < MIN_QUOTE || quote.length() > MAX_QUOTE) {
            throw new DomainException("quote must be " + MIN_QUOTE + " to " + MAX_QUOTE + " characters long");
        }
        if (!seed.contains(quote)) {
            throw new DomainException("quote does not occur verbatim in " + seedName + ": \"" + abbreviate(quote) + "\"");
        }
        HistoricalDate date = date(s);
        if (s.dateAsWritten() != null) {
            HistoricalDate written = AffiliateDates.parse(s.dateAsWritten());
            if (!written.equals(date)) {
                throw new DomainException("date '" + s.date() + "' does not match dateAsWritten '" + s.dateAsWritten()
                        + "', which reads as " + written);
            }
            if (!SeedText.normalize(quote).contains(SeedText.normalize(s.dateAsWritten()))) {
                throw new DomainException("dateAsWritten '" + s.dateAsWritten() + "' is not in the quote");
            }
        }
        Scope scope = Scope.parse(s.scope());
        Confidence confidence = enumValue(Confidence.class, "confidence", s.confidence());
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        for (String f : list(s.flags())) {
            flags.add(enumValue(Flag.class, "flag", f));
        }
        ClaimValue value = value(s.value());
        if (value != null && value.type() == ValueType.APPROXIMATE) {
            flags.add(Flag.APPROXIMATE);
        }
        Shape shape = Shape.of(kind, s, value);
        List<String> conflicts = conflicts(id, s);
        String partOf = s.partOf();
        Derivation derivation = derivation(s.derivation());
        if ((partOf != null || derivation != null) && kind != ClaimKind.COUNT) {
            throw new DomainException("only COUNT claims take partOf or derivation");
        }
        List<String> includes = s.includes() == null ? List.of() : List.copyOf(s.includes());
        if (!includes.isEmpty() && kind != ClaimKind.MONEY) {
            throw new DomainException("only MONEY claims take includes (the sums a total already contains)");
        }
        if (derivation != null && (value == null || value.type() != ValueType.RANGE)) {
            throw new DomainException("a derived count must be a RANGE (certain..possible)");
        }
        return new Claim(id, subject, kind, statement, value, shape.unit, shape.currency, shape.commodity,
                shape.event, shape.link, date, s.date().strip(), scope, new Citation(seedName, quote), confidence,
                flags, conflicts, text("conflictNote", s.conflictNote(), false),
                text("outOfScope", s.outOfScope(), false), text("note", s.note(), false), partOf, derivation, includes);
    }

    /** What each kind allows besides its value; anything else given is an error, not silently dropped. */
    private record Shape(String unit, Currency currency, String commodity, String event, Link link) {

        static Shape of(ClaimKind kind, ClaimSpec s, ClaimValue value) {
            boolean numeric = kind == ClaimKind.MONEY || kind == ClaimKind.COUNT || kind == ClaimKind.GOODS;
            if (numeric && value == null) {
                throw new DomainException(kind + " claim needs a value");
            }
            if (!numeric && value != null) {
                throw new DomainException(kind + " claim takes no value (its date, link or statement says it)");
            }
            forbid(kind != ClaimKind.MONEY && s.currency() != null, "currency", kind);
            forbid(kind != ClaimKind.COUNT && kind != ClaimKind.GOODS && s.unit() != null, "unit", kind);
            forbid(kind != ClaimKind.GOODS && s.commodity() != null, "commodity", kind);
            forbid(kind != ClaimKind.DATE && s.event() != null, "event", kind);
            forbid(kind != ClaimKind.LINK && s.link() != null, "link", kind);
            return switch (kind) {
                case MONEY -> {
                    if (value.type() == ValueType.UNSTATED) {
                        throw new DomainException("MONEY claim needs a figure; use TEXT for sums the source does not give");
                    }
                    Currency currency = Currency.of(s.currency());
                    for (BigDecimal figure : new BigDecimal[] {value.amount(), value.low(), value.high()}) {
                        if (figure != null) {
                            Money.parse(figure.toPlainString(), currency.code());
                        }
                    }
                    yield new Shape(null, currency, null, null, null);
                }
                case COUNT -> {
                    requireWhole(value, kind);
                    if (s.unit() == null || !COUNT_UNIT.matcher(s.unit()).matches()) {
                        throw new DomainException("COUNT claim needs a lower-case unit such as 'members', got '"
                                + s.unit() + "'");
                    }
                    yield new Shape(s.unit(), null, null, null, null);
                }
                case GOODS -> {
                    GoodsUnit unit = GoodsUnit.of(s.unit());
                    for (java.math.BigDecimal figure : new java.math.BigDecimal[] {value.amount(), value.low(), value.high()}) {
                        if (figure != null) {
                            org.mopr.ledger.money.Quantity.parse(figure, unit);
                        }
                    }
                    yield new Shape(unit.code(), null, text("commodity", s.commodity(), true), null, null);
                }
                case DATE -> {
                    if (s.event() == null || !KEY.matcher(s.event()).matches()) {
                        throw new DomainException("DATE claim needs an event such as 'founded', lower-case, got '"
                                + s.event() + "'");
                    }
                    yield new Shape(null, null, null, s.event(), null);
                }
                case LINK -> new Shape(null, null, null, null, ClaimParser.link(s.link()));
                case TEXT -> new Shape(null, null, null, null, null);
            };
        }

        private static void forbid(boolean present, String field, ClaimKind kind) {
            if (present) {
                throw new DomainException(kind + " claim takes no " + field);
            }
        }

        private static void requireWhole(ClaimValue value, ClaimKind kind) {
            if (!value.isWhole()) {
                throw new DomainException(kind + " value " + value.render() + " must be a whole number");
            }
        }
    }

    private static HistoricalDate date(ClaimSpec s) {
        HistoricalDate date = HistoricalDate.parse(s.date());
        Precision precision = enumValue(Precision.class, "precision", s.precision());
        if (date.precision() != precision) {
            throw new DomainException("date '" + s.date() + "' has precision " + date.precision()
                    + ", but the claim says " + precision);
        }
        return date;
    }

    private static ClaimValue value(ValueSpec v) {
        if (v == null) {
            return null;
        }
        ValueType type = enumValue(ValueType.class, "value type", v.type());
        BoundSide side = v.side() == null ? null : enumValue(BoundSide.class, "bound side", v.side());
        return new ClaimValue(type, v.amount(), v.low(), v.high(), side);
    }

    private static Link link(LinkSpec l) {
        if (l == null) {
            throw new DomainException("LINK claim needs a link: {relation, targets}");
        }
        List<Subject> targets = new ArrayList<>();
        for (String t : list(l.targets())) {
            targets.add(Subject.parse(t));
        }
        Link.Mode mode = l.mode() == null ? Link.Mode.ALL : enumValue(Link.Mode.class, "link mode", l.mode());
        return new Link(l.relation(), targets, mode);
    }

    private static List<String> conflicts(String id, ClaimSpec s) {
        Set<String> ids = new LinkedHashSet<>(list(s.conflictsWith()));
        if (ids.size() != list(s.conflictsWith()).size()) {
            throw new DomainException("conflictsWith names a claim twice");
        }
        if (ids.contains(id)) {
            throw new DomainException("claim cannot conflict with itself");
        }
        if (!ids.isEmpty() && (s.conflictNote() == null || s.conflictNote().isBlank())) {
            throw new DomainException("conflictsWith needs a conflictNote saying what disagrees");
        }
        if (ids.isEmpty() && s.conflictNote() != null) {
            throw new DomainException("conflictNote without conflictsWith");
        }
        return List.copyOf(ids);
    }

    private static Derivation derivation(DerivationSpec d) {
        if (d == null) {
            return null;
        }
        Derivation.Rule rule = enumValue(Derivation.Rule.class, "derivation rule", d.rule());
        LocalDate asOf;
        try {
            asOf = LocalDate.parse(d.asOf() == null ? "" : d.asOf());
        } catch (DateTimeException e) {
            throw new DomainException("derivation asOf '" + d.asOf() + "' is not a YYYY-MM-DD day");
        }
        return new Derivation(rule, asOf, Set.copyOf(list(d.excludeSections())));
    }

    private static String text(String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                throw new DomainException("missing " + field);
            }
            return null;
        }
        String t = value.strip();
        if (t.isEmpty() || t.length() > MAX_TEXT) {
            throw new DomainException(field + " must be 1 to " + MAX_TEXT + " characters");
        }
        return t;
    }

    private static <T> List<T> list(List<T> values) {
        if (values == null) {
            return List.of();
        }
        if (values.contains(null)) {
            throw new DomainException("a list holds an empty entry");
        }
        return values;
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String what, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(text)) {
                return e;
            }
        }
        throw new DomainException(what + " '" + text + "' is not one of " + Arrays.toString(type.getEnumConstants()));
    }

    private static String abbreviate(String quote) {
        return quote.length() <= 80 ? quote : quote.substring(0, 77) + "...";
    }
}
