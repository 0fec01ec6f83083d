package org.mopr.ledger.catalog;

import org.mopr.ledger.catalog.CatalogException.Problem;
import org.mopr.ledger.catalog.CatalogReader.Located;
import org.mopr.ledger.catalog.CatalogYaml.SectionSpec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks that need the whole catalog: unique ids, sections, references to section codes, conflict links
 * (made symmetric here), parts of a whole, and derived counts recomputed from the affiliates table.
 */
final class CatalogValidator {

    /** A valid catalog's content: claims in file order with symmetric conflict links, and the sections. */
    record Validated(List<Claim> claims, List<Section> sections, List<Conflict> conflicts) {
    }

    private final List<Problem> problems;
    private final Map<String, Claim> byId = new LinkedHashMap<>();
    private final Map<String, String> fileOf = new LinkedHashMap<>();
    private final Map<String, Section> sections = new LinkedHashMap<>();

    private CatalogValidator(List<Problem> readProblems) {
        this.problems = new ArrayList<>(readProblems);
    }

    static Validated validate(CatalogReader.Result read) {
        CatalogValidator v = new CatalogValidator(read.problems());
        v.indexClaims(read.claims());
        v.indexSections(read.sections());
        for (Claim c : v.byId.values()) {
            v.checkReferences(c);
            v.checkPart(c);
            v.checkDerivation(c);
        }
        List<Claim> claims = v.symmetricConflicts();
        if (!v.problems.isEmpty()) {
            throw new CatalogException(v.problems);
        }
        return new Validated(claims, List.copyOf(v.sections.values()), v.conflictPairs());
    }

    private void indexClaims(List<Located<Claim>> claims) {
        for (Located<Claim> located : claims) {
            Claim c = located.item();
            String first = fileOf.putIfAbsent(c.id(), located.file());
            if (first != null) {
                problem(located.file(), c.id(), "duplicate id; first defined in " + first);
            } else {
                byId.put(c.id(), c);
            }
        }
    }

    private void indexSections(List<Located<SectionSpec>> specs) {
        for (Located<SectionSpec> located : specs) {
            SectionSpec s = located.item();
            String file = located.file();
            String where = "section " + s.code() + ": ";
            if (s.code() == null || !Subject.SECTION_CODE.matcher(s.code()).matches()) {
                problem(file, s.claim(), where + "code must match " + Subject.SECTION_CODE.pattern());
                continue;
            }
            if (s.country() == null || s.country().isBlank()) {
                problem(file, s.claim(), where + "missing country");
                continue;
            }
            Claim row = s.claim() == null ? null : byId.get(s.claim());
            if (row == null) {
                problem(file, s.claim(), where + "its table-row claim '" + s.claim() + "' does not exist");
                continue;
            }
            if (row.kind() != ClaimKind.DATE || !row.subject().equals(Subject.section(s.code()))) {
                problem(file, s.claim(), where + "its table-row claim must be a DATE claim about section:" + s.code());
                continue;
            }
            String group = s.groupName() == null || s.groupName().isBlank() ? null : s.groupName().strip();
            if (sections.putIfAbsent(s.code(), new Section(s.code(), s.country().strip(), group, s.claim())) != null) {
                problem(file, s.claim(), where + "code listed twice");
            }
        }
    }

    private void checkReferences(Claim c) {
        List<Subject> subjects = new ArrayList<>();
        subjects.add(c.subject());
        if (c.link() != null) {
            subjects.addAll(c.link().targets());
        }
        for (Subject s : subjects) {
            if (s.type().namesSection() && !sections.containsKey(s.name())) {
                problem(fileOf.get(c.id()), c.id(), "refers to unknown section code " + s.name() + " in " + s);
            }
        }
        if (c.scope().section() != null && !sections.containsKey(c.scope().section())) {
            problem(fileOf.get(c.id()), c.id(), "scope names unknown section code " + c.scope().section());
        }
        for (String part : c.includes()) {
            Claim included = byId.get(part);
            if (included == null) {
                problem(fileOf.get(c.id()), c.id(), "includes names unknown claim " + part);
            } else if (included.kind() != ClaimKind.MONEY || !included.subject().equals(c.subject())) {
                problem(fileOf.get(c.id()), c.id(), "includes " + part + ", which is not a sum of money of " + c.subject());
            }
        }
        for (String other : c.conflictsWith()) {
            if (!byId.containsKey(other)) {
                problem(fileOf.get(c.id()), c.id(), "conflictsWith names unknown claim " + other);
            }
        }
    }

    private void checkPart(Claim c) {
        if (c.partOf() == null) {
            return;
        }
        Claim whole = byId.get(c.partOf());
        String file = fileOf.get(c.id());
        if (whole == null || whole.partOf() != null) {
            problem(file, c.id(), "partOf names " + c.partOf() + ", which is not a claim that is itself a whole");
            return;
        }
        if (whole.kind() != ClaimKind.COUNT || !whole.unit().equals(c.unit()) || !whole.date().equals(c.date())) {
            problem(file, c.id(), "part and whole " + whole.id() + " must be COUNTs of the same unit and date");
            return;
        }
        List<Claim> parts = byId.values().stream().filter(p -> whole.id().equals(p.partOf())).toList();
        boolean allExact = whole.value().type() == ValueType.EXACT
                && parts.stream().allMatch(p -> p.value().type() == ValueType.EXACT);
        if (allExact && parts.get(parts.size() - 1) == c) {
            BigDecimal sum = parts.stream().map(p -> p.value().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(whole.value().amount()) != 0) {
                problem(file, c.id(), "parts of " + whole.id() + " sum to " + sum.toPlainString() + ", not "
                        + whole.value().amount().toPlainString());
            }
        }
    }

    private void checkDerivation(Claim c) {
        if (c.derivation() == null) {
            return;
        }
        ClaimValue expected = AffiliateCounts.expected(c.derivation(), sections.values(), byId);
        if (!expected.render().equals(c.value().render())) {
            problem(fileOf.get(c.id()), c.id(), "derived count is " + c.value().render() + " but "
                    + c.derivation().rule() + " gives " + expected.render() + " from the affiliates table");
        }
    }

    /** Adds the missing half of every conflict link and marks both claims DISPUTED. */
    private List<Claim> symmetricConflicts() {
        Map<String, Set<String>> links = new LinkedHashMap<>();
        for (Claim c : byId.values()) {
            links.computeIfAbsent(c.id(), k -> new LinkedHashSet<>()).addAll(c.conflictsWith());
            for (String other : c.conflictsWith()) {
                if (byId.containsKey(other)) {
                    links.computeIfAbsent(other, k -> new LinkedHashSet<>()).add(c.id());
                }
            }
        }
        List<Claim> result = new ArrayList<>(byId.size());
        for (Claim c : byId.values()) {
            Set<String> ids = links.get(c.id());
            ids.retainAll(byId.keySet());
            Set<Flag> flags = EnumSet.noneOf(Flag.class);
            flags.addAll(c.flags());
            if (!ids.isEmpty()) {
                flags.add(Flag.DISPUTED);
            }
            result.add(c.withConflicts(List.copyOf(new TreeSet<>(ids)), flags));
        }
        return result;
    }

    /**
     * Every linked pair once, in the order the first side appears. The note comes from the side or sides that
     * declared the link, since a claim's note speaks only of the claims it names.
     */
    private List<Conflict> conflictPairs() {
        Map<String, Conflict> pairs = new LinkedHashMap<>();
        for (Claim a : byId.values()) {
            for (String otherId : a.conflictsWith()) {
                Claim b = byId.get(otherId);
                String first = a.id().compareTo(b.id()) < 0 ? a.id() : b.id();
                String second = first.equals(a.id()) ? b.id() : a.id();
                String key = first + " " + second;
                Conflict.Type type = a.isDerived() || b.isDerived() ? Conflict.Type.UNEXPLAINED_COUNT
                        : Conflict.Type.CONTRADICTION;
                Conflict known = pairs.get(key);
                String note = known == null ? a.conflictNote()
                        : known.note().equals(a.conflictNote()) ? known.note() : known.note() + " " + a.conflictNote();
                pairs.put(key, new Conflict(first, second, type, note));
            }
        }
        return List.copyOf(pairs.values());
    }

    private void problem(String file, String claimId, String message) {
        problems.add(new Problem(file, claimId, message));
    }
}
