package org.mopr.ledger.catalog;

import org.mopr.ledger.shared.DomainException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code catalog/checks.yaml}: a {@code checks:} list of claim-against-claim checks. Every problem names the
 * file and the line, and one bad check refuses the whole file (and with it the catalog), so nothing is checked
 * against a half-read list.
 */
final class CheckReader {

    static final String FILE = "checks.yaml";
    /** A handful of checks is a list a historian can read; thousands is a mistake. */
    static final int MAX_CHECKS = 500;
    private static final Set<String> KEYS = Set.of("id", "claims", "sentence", "relation", "tolerance");

    private CheckReader() {
    }

    static List<CrossCheck> read(InputStream in, Map<String, Claim> claims) throws IOException {
        if (in == null) {
            return List.of();
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(0);
        options.setCodePointLimit(1 << 20);
        Node root;
        try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            root = new Yaml(options).compose(reader);
        } catch (RuntimeException e) {
            throw new CatalogException(FILE, null, "not readable YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        Node list = root instanceof MappingNode m ? value(m, "checks") : null;
        if (!(list instanceof SequenceNode seq)) {
            throw error(root, "the file must be a mapping with a 'checks:' list");
        }
        if (seq.getValue().size() > MAX_CHECKS) {
            throw error(seq, "more than " + MAX_CHECKS + " checks");
        }
        List<CrossCheck> checks = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node item : seq.getValue()) {
            checks.add(check(item, claims, ids));
        }
        return List.copyOf(checks);
    }

    private static CrossCheck check(Node item, Map<String, Claim> claims, Set<String> ids) {
        if (!(item instanceof MappingNode m)) {
            throw error(item, "a check must be a mapping with " + KEYS);
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
            if (!KEYS.contains(key)) {
                throw error(t.getKeyNode(), "unknown key '" + key + "'; a check has " + KEYS);
            }
            fields.put(key, t.getValueNode());
        }
        String id = text(fields, "id", item);
        if (!ids.add(id)) {
            throw error(fields.get("id"), "check id '" + id + "' appears twice");
        }
        Node claimList = fields.get("claims");
        if (!(claimList instanceof SequenceNode cs) || cs.getValue().isEmpty()) {
            throw error(claimList == null ? item : claimList, "check " + id + " must list the claims it relates");
        }
        List<String> related = new ArrayList<>();
        for (Node c : cs.getValue()) {
            String claimId = c instanceof ScalarNode s ? s.getValue() : "";
            if (!claims.containsKey(claimId)) {
                throw error(c, "check " + id + " names unknown claim '" + claimId + "'");
            }
            related.add(claimId);
        }
        CrossCheck.Relation relation;
        try {
            relation = CrossCheck.Relation.parse(text(fields, "relation", item));
        } catch (DomainException e) {
            throw error(fields.get("relation"), "check " + id + ": " + e.getMessage());
        }
        return new CrossCheck(id, related, text(fields, "sentence", item), relation, text(fields, "tolerance", item),
                item.getStartMark().getLine() + 1);
    }

    private static String text(Map<String, Node> fields, String key, Node item) {
        Node n = fields.get(key);
        if (!(n instanceof ScalarNode s) || s.getValue().isBlank()) {
            throw error(n == null ? item : n, "'" + key + "' is required and must be text");
        }
        return s.getValue().strip();
    }

    private static Node value(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue())) {
                return t.getValueNode();
            }
        }
        return null;
    }

    private static CatalogException error(Node at, String message) {
        String line = at == null ? "" : "line " + (at.getStartMark().getLine() + 1) + ": ";
        return new CatalogException(FILE, null, line + message);
    }
}
