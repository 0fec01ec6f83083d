package org.mopr.ledger.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.mopr.ledger.shared.DomainException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How claims become commands, declared by kind and subject rather than by claim id: each rule names what it
 * books (a step the compiler knows), the kind of claim, a subject pattern ({@code organisation},
 * {@code section:SU}, or {@code section:*} for any section) and optionally the event, relation, unit or currency.
 * A claim is booked by the first rule that matches it; a claim no rule matches is reported UNCHECKABLE with
 * {@link #unbooked(Claim)} as the reason. The historical scenario's rules are {@code rules/historical.yaml}.
 */
public final class CompileRules {

    public static final String HISTORICAL = "rules/historical.yaml";
    private static final int MAX_RULES = 1_000;
    private static final int MAX_BYTES = 1 << 20;

    /**
     * One rule as written; {@code parameters} are the step's own settings (a spreading model, a donor's words).
     */
    public record Rule(String books, String kind, String subject, String event, String relation, String unit,
                      String currency, String description, Map<String, String> parameters) {

        /** Whether this rule covers the claim: same kind, a subject the pattern admits, and every detail given. */
        public boolean matches(Claim c) {
            if (!c.kind().name().equals(kind) || !subjectMatches(c.subject())) {
                return false;
            }
            if (event != null && !event.equals(c.event())) {
                return false;
            }
            if (relation != null && (c.link() == null || !relation.equals(c.link().relation()))) {
                return false;
            }
            if (unit != null && !unit.equals(c.unit())) {
                return false;
            }
            return currency == null || c.currency() != null && currency.equals(c.currency().code());
        }

        private boolean subjectMatches(Subject s) {
            if (subject.endsWith(":*")) {
                return s.type().prefix().equals(subject.substring(0, subject.length() - 2));
            }
            return subject.equals(s.toString());
        }

        public String parameter(String key) {
            return parameters == null ? null : parameters.get(key);
        }
    }

    record File(String description, @com.fasterxml.jackson.annotation.JsonProperty("extends") String base,
                List<Rule> rules) {
    }

    /**
     * The steps the compiler knows, each booking claims one way (SCENARIOS.md, "Compile rules"); a rule naming any
     * other step books nothing and is refused.
     */
    public static final java.util.Set<String> STEPS = java.util.Set.of("found-organisation", "open-central-fund",
            "rename-governing-body", "leadership", "found-section", "section-census", "census", "conference", "patronage",
            "goods-donation", "collections-begin", "aid-collections", "donation", "section-collections");

    private final String file;
    private final String text;
    private final List<Rule> rules;
    /** How many of {@link #rules} the file itself wrote; the rest come from the rules it extends. */
    private final int own;
    private final boolean extendsShipped;

    private CompileRules(String file, String text, List<Rule> rules, boolean extendsShipped) {
        this.file = file;
        this.text = text;
        this.own = rules.size();
        this.extendsShipped = extendsShipped;
        List<Rule> all = new ArrayList<>(rules);
        if (extendsShipped) {
            // A file's own rules come first, so they decide a claim both would book; the shipped ones book the rest.
            all.addAll(historical().rules);
        }
        this.rules = List.copyOf(all);
    }

    private static final CompileRules SHIPPED = load(HISTORICAL);

    static {
        if (SHIPPED.extendsShipped) {
            throw new IllegalStateException(HISTORICAL + " cannot extend itself");
        }
    }

    /** The rules the shipped scenarios compile by. */
    public static CompileRules historical() {
        return SHIPPED;
    }

    static CompileRules load(String resource) {
        try (InputStream in = CompileRules.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new DomainException(resource + ": not on the classpath");
            }
            return parse(resource, new String(in.readNBytes(MAX_BYTES + 1), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DomainException(resource + ": cannot be read: " + e.getMessage());
        }
    }

    /** Parses a rules file; every error names the file and, where it can, the line. */
    public static CompileRules parse(String file, String text) {
        if (text.length() > MAX_BYTES) {
            throw new DomainException(file + ": rules file is larger than " + MAX_BYTES + " bytes");
        }
        File spec;
        try {
            spec = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(text, File.class);
        } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
            // The parser reports the line after the key; the key's own line is the one to fix.
            int line = 0;
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length && line == 0; i++) {
                if (lines[i].strip().replaceFirst("^- ", "").startsWith(e.getPropertyName() + ":")) {
                    line = i + 1;
                }
            }
            throw new DomainException(file + ":" + line + ": unknown key '" + e.getPropertyName() + "'; known keys here: "
                    + String.join(", ", e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList()));
        } catch (JsonMappingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new DomainException(file + ":" + line + ": " + e.getOriginalMessage().split("\n")[0]);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new DomainException(file + ":" + line + ": not valid YAML: " + e.getOriginalMessage().split("\n")[0]);
        }
        boolean extendsShipped = spec != null && spec.base() != null;
        if (extendsShipped && !"historical".equals(spec.base())) {
            throw new DomainException(file + ":" + keyLine(text, "extends:") + ": extends '" + spec.base()
                    + "': only the shipped rules, 'historical', can be extended");
        }
        if (spec == null || spec.rules() == null || spec.rules().isEmpty() || spec.rules().size() > MAX_RULES) {
            throw new DomainException(file + ": a rules file lists 1.." + MAX_RULES + " rules under 'rules:'");
        }
        List<Rule> rules = new ArrayList<>();
        int n = 0;
        for (Rule r : spec.rules()) {
            n++;
            String where = file + ":" + lineOf(text, n) + ": rule " + n;
            if (r == null || r.books() == null || r.kind() == null || r.subject() == null) {
                throw new DomainException(where + " needs books, kind and subject");
            }
            if (!STEPS.contains(r.books())) {
                throw new DomainException(where + ": unknown step '" + r.books() + "'; the compiler books by "
                        + new java.util.TreeSet<>(STEPS));
            }
            try {
                ClaimKind.valueOf(r.kind());
            } catch (IllegalArgumentException e) {
                throw new DomainException(where + ": unknown kind '" + r.kind() + "'");
            }
            if (!r.subject().endsWith(":*")) {
                try {
                    Subject.parse(r.subject());
                } catch (DomainException e) {
                    throw new DomainException(where + ": " + e.getMessage());
                }
            }
            rules.add(r);
        }
        return new CompileRules(file, text, rules, extendsShipped);
    }

    /** Whether these are the shipped rules, unchanged. */
    public boolean isShipped() {
        return this == SHIPPED;
    }

    /** Whether the file extends the shipped rules (they follow its own), rather than replacing them. */
    public boolean extendsShipped() {
        return extendsShipped;
    }

    /** The first line that starts with the key, 0 when none does. */
    static int keyLine(String text, String key) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(key)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The line the n-th rule starts on: the n-th list item under {@code rules:}. */
    static int lineOf(String text, int n) {
        String[] lines = text.split("\n", -1);
        int seen = 0;
        boolean inRules = false;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("rules:")) {
                inRules = true;
            } else if (inRules && lines[i].stripLeading().startsWith("- ") && lines[i].indexOf('-') <= 2 && ++seen == n) {
                return i + 1;
            }
        }
        return 0;
    }

    public String file() {
        return file;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The first rule that matches the claim, the one that books it. */
    public Optional<Rule> ruleFor(Claim c) {
        return rules.stream().filter(r -> r.matches(c)).findFirst();
    }

    /** Whether the claim is booked by the step {@code books}: its first matching rule names that step. */
    public boolean books(String step, Claim c) {
        return ruleFor(c).map(r -> r.books().equals(step)).orElse(false);
    }

    /** The rule of a step for this claim, for its parameters. */
    public Optional<Rule> rule(String step, Claim c) {
        return ruleFor(c).filter(r -> r.books().equals(step));
    }

    /** The reason a claim no rule matches is not in the run. */
    public static String unbooked(Claim c) {
        return "no rule books claims of kind " + c.kind() + " for subject " + c.subject();
    }

    /**
     * Rules for one named subject that match no claim of the catalog, each with its line: such a rule books nothing
     * and is most likely a typo. A rule for any subject of a type ({@code section:*}) is a standing provision and may
     * wait for a source that needs it.
     */
    public List<String> unused(Catalog catalog) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < own; i++) {
            Rule r = rules.get(i);
            if (!r.subject().endsWith(":*") && catalog.claims().stream().noneMatch(r::matches)) {
                problems.add(file + ":" + lineOf(text, i + 1) + ": rule " + (i + 1) + " (" + r.books() + ", " + r.kind()
                        + " of " + r.subject() + ") matches no claim in the catalog");
            }
        }
        return problems;
    }
}
