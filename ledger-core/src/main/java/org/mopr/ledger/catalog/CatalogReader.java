package org.mopr.ledger.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.mopr.ledger.catalog.CatalogException.Problem;
import org.mopr.ledger.catalog.CatalogYaml.ClaimSpec;
import org.mopr.ledger.catalog.CatalogYaml.FileSpec;
import org.mopr.ledger.catalog.CatalogYaml.SectionSpec;
import org.mopr.ledger.shared.DomainException;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads catalog files into claims, file by file, within {@link CatalogLimits}. It collects every problem it can
 * find instead of stopping at the first, and leaves cross-file checks to {@link CatalogValidator}.
 */
final class CatalogReader {

    /** A claim with the file it came from, so later checks can name the file. */
    record Located<T>(String file, T item) {
    }

    /** What the files held, and what was wrong with them. */
    record Result(List<Located<Claim>> claims, List<Located<SectionSpec>> sections, List<Problem> problems) {
    }

    private final CatalogSource source;
    private final CatalogLimits limits;
    private final YAMLMapper yaml;
    private final Map<String, SeedText> seeds = new HashMap<>();
    private final List<Located<Claim>> claims = new ArrayList<>();
    private final List<Located<SectionSpec>> sections = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private int claimCount;

    CatalogReader(CatalogSource source, CatalogLimits limits) {
        this.source = source;
        this.limits = limits;
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(limits.maxFileBytes());
        options.setAllowDuplicateKeys(false);
        this.yaml = YAMLMapper.builder(YAMLFactory.builder().loaderOptions(options).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    Result read() {
        List<String> names;
        try {
            names = source.files();
        } catch (IOException e) {
            throw new CatalogException("(catalog)", null, "cannot list catalog files: " + e.getMessage());
        }
        if (names.isEmpty()) {
            throw new CatalogException("(catalog)", null, "no catalog files found");
        }
        if (names.size() > limits.maxFiles()) {
            throw new CatalogException("(catalog)", null, names.size() + " catalog files, more than the limit of "
                    + limits.maxFiles());
        }
        for (String name : names) {
            readFile(name);
            if (claimCount > limits.maxClaims()) {
                problems.add(new Problem(name, null, "catalog holds more than " + limits.maxClaims()
                        + " claims; refusing to read further"));
                break;
            }
        }
        return new Result(claims, sections, problems);
    }

    private void readFile(String file) {
        String name = source.describe(file);
        FileSpec spec;
        String text;
        try {
            byte[] bytes = readLimited(source.openFile(file), limits.maxFileBytes(), "catalog file");
            text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            JsonNode tree = yaml.readTree(bytes);
            if (tree == null || !tree.isObject()) {
                problems.add(new Problem(name, null, "file must be a YAML mapping with 'seed' and 'claims'"));
                return;
            }
            try {
                spec = yaml.treeToValue(tree, FileSpec.class);
            } catch (JsonMappingException e) {
                String id = claimIdAt(tree, e);
                problems.add(new Problem(id == null ? name : name + ":" + lineOf(text, id), id, mappingProblem(e)));
                return;
            }
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? name : name + ":" + e.getLocation().getLineNr();
            problems.add(new Problem(at, null, "not valid YAML: " + firstLine(e.getOriginalMessage())));
            return;
        } catch (IOException | DomainException e) {
            problems.add(new Problem(name, null, e.getMessage()));
            return;
        }
        SeedText seed = seed(name, spec.seed());
        if (seed == null) {
            return;
        }
        List<ClaimSpec> specs = spec.claims() == null ? List.of() : spec.claims();
        if (specs.isEmpty()) {
            problems.add(new Problem(name, null, "file has no claims"));
        }
        if (specs.size() > SourceFolders.MAX_CLAIMS_PER_FILE) {
            problems.add(new Problem(name, null, specs.size() + " claims in one file, more than the limit of "
                    + SourceFolders.MAX_CLAIMS_PER_FILE + ": split the source"));
            return;
        }
        claimCount += specs.size();
        if (claimCount > limits.maxClaims()) {
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (ClaimSpec c : specs) {
            if (c == null) {
                problems.add(new Problem(name, null, "an empty claim entry"));
                continue;
            }
            // Every later message about the claim names the line its entry starts on.
            String at = name + ":" + lineOf(text, c.id(), seen.merge(String.valueOf(c.id()), 1, Integer::sum));
            try {
                claims.add(new Located<>(at, ClaimParser.parse(c, seed.name(), seed)));
            } catch (DomainException e) {
                problems.add(new Problem(at, c.id(), e.getMessage()));
            }
        }
        if (spec.sections() != null) {
            for (SectionSpec s : spec.sections()) {
                if (s == null) {
                    problems.add(new Problem(name, null, "an empty section entry"));
                } else {
                    sections.add(new Located<>(name, s));
                }
            }
        }
    }

    private SeedText seed(String file, String seedName) {
        if (seedName == null || !CatalogSource.SEED_NAME.matcher(seedName).matches()) {
            problems.add(new Problem(file, null, "seed '" + seedName + "' must be a seed file name matching "
                    + CatalogSource.SEED_NAME.pattern()));
            return null;
        }
        SeedText cached = seeds.get(seedName);
        if (cached != null) {
            return cached;
        }
        try {
            InputStream in = source.openSeed(seedName);
            if (in == null) {
                problems.add(new Problem(file, null, "seed '" + seedName + "' not found"));
                return null;
            }
            SeedText seed = SeedText.of(seedName, readLimited(in, limits.maxSeedBytes(), "seed " + seedName));
            seeds.put(seedName, seed);
            return seed;
        } catch (CharacterCodingException e) {
            problems.add(new Problem(file, null, "seed '" + seedName + "' is not valid UTF-8"));
        } catch (IOException e) {
            problems.add(new Problem(file, null, e.getMessage()));
        }
        return null;
    }

    /** The line of the claim's {@code id:} key, or 1 when the id is not written plainly. */
    static int lineOf(String text, String id) {
        return lineOf(text, id, 1);
    }

    /** The line of the n-th entry with this id (a duplicate within one file is found at its own line). */
    static int lineOf(String text, String id, int nth) {
        if (id == null) {
            return 1;
        }
        int found = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.equals("- id: " + id) || line.equals("id: " + id) || line.startsWith("- {id: " + id + ",")
                    || line.startsWith("- {id: " + id + "}")) {
                if (++found == nth) {
                    return i + 1;
                }
            }
        }
        return 1;
    }

    /** Reads at most one byte more than allowed, so an oversized input is refused without reading it all. */
    private static byte[] readLimited(InputStream in, int max, String what) throws IOException {
        try (in) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw new IOException(what + " is larger than the limit of " + max + " bytes");
            }
            return bytes;
        }
    }

    /** Finds the id of the claim a mapping error sits in, from the error's path ("claims"[i]). */
    private static String claimIdAt(JsonNode tree, JsonMappingException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        for (int i = 0; i + 1 < path.size(); i++) {
            if ("claims".equals(path.get(i).getFieldName()) && path.get(i + 1).getIndex() >= 0) {
                JsonNode id = tree.path("claims").path(path.get(i + 1).getIndex()).path("id");
                return id.isTextual() ? id.asText() : "#" + (path.get(i + 1).getIndex() + 1);
            }
        }
        return null;
    }

    private static String mappingProblem(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            field.append(r.getFieldName() != null ? (field.length() == 0 ? "" : ".") + r.getFieldName()
                    : "[" + r.getIndex() + "]");
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown key '" + u.getPropertyName() + "' at " + field;
        }
        return "wrong type at " + field + ": " + firstLine(e.getOriginalMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
