package org.mopr.ledger.catalog;

import org.mopr.ledger.shared.DomainException;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A relation from a claim's subject to one or more targets, for example {@code city:Kiev patronized country:PL}.
 *
 * @param relation lower-case verb: patronized, headed, member-of, represented, aided, donated-to, published, ...
 * @param mode     {@link Mode#ALL}: the subject stands in the relation to every target; {@link Mode#ANY}: to at
 *                 least one of them, the source does not say which (an ambiguous pairing)
 */
public record Link(String relation, List<Subject> targets, Mode mode) {

    public enum Mode { ALL, ANY }

    private static final Pattern RELATION = Pattern.compile("[a-z][a-z-]{1,39}");

    public Link {
        if (relation == null || !RELATION.matcher(relation).matches()) {
            throw new DomainException("link relation '" + relation + "' must be lower-case letters or '-'");
        }
        if (targets == null || targets.isEmpty()) {
            throw new DomainException("link '" + relation + "' has no target");
        }
        targets = List.copyOf(targets);
        if (targets.stream().distinct().count() != targets.size()) {
            throw new DomainException("link '" + relation + "' names a target twice: " + targets);
        }
        mode = mode == null ? Mode.ALL : mode;
        if (mode == Mode.ANY && targets.size() < 2) {
            throw new DomainException("link '" + relation + "' with mode ANY needs at least two targets");
        }
    }

    public static Link to(String relation, Subject target) {
        return new Link(relation, List.of(target), Mode.ALL);
    }

    public String render() {
        StringBuilder s = new StringBuilder(relation).append(' ');
        if (mode == Mode.ANY) {
            s.append("any of ");
        }
        for (int i = 0; i < targets.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(targets.get(i));
        }
        return s.toString();
    }
}
