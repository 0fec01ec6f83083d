package org.mopr.ledger.catalog;

import org.mopr.ledger.shared.DomainException;

import java.util.List;

/**
 * The catalog is broken. The message lists every problem found, one a line, each naming the file, the claim id
 * (where there is one) and what is wrong, so whoever edits the YAML can fix them all in one pass.
 */
public class CatalogException extends DomainException {

    /** One problem: the catalog file, the claim id or null, and what is wrong. */
    public record Problem(String file, String claimId, String message) {
        @Override
        public String toString() {
            return file + (claimId == null ? "" : ": claim " + claimId) + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    public CatalogException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public CatalogException(String file, String claimId, String message) {
        this(List.of(new Problem(file, claimId, message)));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        if (problems.size() == 1) {
            return "catalog: " + problems.get(0);
        }
        StringBuilder s = new StringBuilder("catalog has " + problems.size() + " problems:");
        for (Problem p : problems) {
            s.append("\n  ").append(p);
        }
        return s.toString();
    }
}
