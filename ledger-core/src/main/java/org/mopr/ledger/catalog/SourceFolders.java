package org.mopr.ledger.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Sources added without a build: folders, each holding {@code <name>.txt} (the document) next to
 * {@code <name>.yaml} (its claims, in the catalog's format). They join the shipped sources in one listing ordered
 * by file name, so a seed read from a folder takes the place in the catalog its shipped copy would have taken,
 * and the order of claims (which the compiler follows where passages of equal precision disagree) does not
 * depend on where a file came from.
 */
public final class SourceFolders {

    /** At most this many folders: sources are documents an analyst adds by hand, not a bulk import. */
    public static final int MAX_FOLDERS = 100;
    /** A document's text is at most 5 MB; the five seeds are a few tens of kilobytes each. */
    public static final int MAX_TEXT_BYTES = 5 << 20;
    /** At most this many claims in one file; the largest shipped file holds about 150. */
    public static final int MAX_CLAIMS_PER_FILE = 10_000;

    private SourceFolders() {
    }

    /** The shipped sources and these folders, in name order; a problem with a folder is a {@link CatalogException}. */
    public static CatalogSource withShipped(List<Path> folders) {
        return combine(CatalogSource.classpath(), folders);
    }

    /** {@code base} (the shipped sources, or a part of them in tests) and the folders' sources, in name order. */
    public static CatalogSource combine(CatalogSource base, List<Path> folders) {
        if (folders.size() > MAX_FOLDERS) {
            throw new CatalogException("(sources)", null, folders.size() + " source folders, more than the limit of "
                    + MAX_FOLDERS);
        }
        Map<String, CatalogSource> owners = new TreeMap<>();
        Map<String, String> places = new LinkedHashMap<>();
        try {
            for (String name : base.files()) {
                owners.put(name, base);
                places.put(name, base.describe(name));
            }
        } catch (IOException e) {
            throw new CatalogException("(catalog)", null, "cannot list catalog files: " + e.getMessage());
        }
        for (Path folder : folders) {
            CatalogSource source = folder(folder);
            declareUnits(folder);
            List<String> names;
            try {
                names = source.files();
            } catch (IOException e) {
                throw new CatalogException(folder.toString(), null, "cannot list the folder: " + e.getMessage());
            }
            for (String name : names) {
                String earlier = places.get(name);
                if (earlier != null) {
                    throw new CatalogException(source.describe(name), null, "a source of this name is already loaded from "
                            + earlier + ": rename one (the name's number is also its claims' id prefix)");
                }
                owners.put(name, source);
                places.put(name, source.describe(name));
            }
        }
        List<String> order = List.copyOf(owners.keySet());
        return new CatalogSource() {
            @Override
            public List<String> files() {
                return order;
            }

            @Override
            public InputStream openFile(String name) throws IOException {
                return owners.get(name).openFile(name);
            }

            @Override
            public InputStream openSeed(String name) throws IOException {
                // A source's text sits next to its claims, under the same name.
                String yaml = name.endsWith(".txt") ? name.substring(0, name.length() - 4) + ".yaml" : null;
                CatalogSource owner = yaml == null ? null : owners.get(yaml);
                return owner == null ? base.openSeed(name) : owner.openSeed(name);
            }

            @Override
            public InputStream openChecks() throws IOException {
                return base.openChecks();
            }

            @Override
            public String describe(String name) {
                String place = places.get(name);
                return place == null ? name : place;
            }
        };
    }

    /**
     * A folder's {@code units.yaml} declares the money and goods units its claims count in, before any claim is read;
     * a mistake in it names the file and line, like a mistake in a claim.
     */
    static void declareUnits(Path folder) {
        Path file = folder.resolve(org.mopr.ledger.money.Units.FOLDER_FILE);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            if (Files.size(file) > 1 << 20) {
                throw new CatalogException(file.toString(), null, "a units file is at most 1048576 bytes");
            }
            org.mopr.ledger.money.Units.declareFolder(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new CatalogException(file.toString(), null, "cannot be read: " + e.getMessage());
        }
    }

    /** One folder: every {@code <name>.yaml} that has a {@code <name>.txt} beside it; a lone file is an error. */
    static CatalogSource folder(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new CatalogException(dir.toString(), null, "no such source folder");
        }
        return new CatalogSource() {
            @Override
            public List<String> files() throws IOException {
                List<String> names = new ArrayList<>();
                try (Stream<Path> listing = Files.list(dir)) {
                    for (Path p : listing.sorted().toList()) {
                        String n = p.getFileName().toString();
                        if (n.endsWith(".yaml")) {
                            String text = n.substring(0, n.length() - 5) + ".txt";
                            if (!Character.isDigit(n.charAt(0)) && !Files.exists(dir.resolve(text))) {
                                // units.yaml, a scenario or a rules file kept with the sources: not a source itself.
                                continue;
                            }
                            if (!Files.isRegularFile(dir.resolve(text))) {
                                throw new CatalogException(p.toString(), null, "no text " + text
                                        + " beside it: a source is <name>.txt with its claims in <name>.yaml");
                            }
                            if (!FILE_NAME.matcher(n).matches() || !SEED_NAME.matcher(text).matches()) {
                                throw new CatalogException(p.toString(), null, "a source's name must match "
                                        + SEED_NAME.pattern().replace("\\.txt", "") + " (three digits, then a name;"
                                        + " its claims' ids start with c and those digits)");
                            }
                            names.add(n);
                        } else if (n.endsWith(".txt") && !Files.isRegularFile(dir.resolve(n.substring(0, n.length() - 4) + ".yaml"))) {
                            throw new CatalogException(p.toString(), null, "no claims file "
                                    + n.substring(0, n.length() - 4) + ".yaml beside it");
                        }
                    }
                }
                return names;
            }

            @Override
            public InputStream openFile(String name) throws IOException {
                return Files.newInputStream(dir.resolve(name));
            }

            @Override
            public InputStream openSeed(String name) throws IOException {
                Path text = SEED_NAME.matcher(name).matches() ? dir.resolve(name) : null;
                return text != null && Files.isRegularFile(text) ? Files.newInputStream(text) : null;
            }

            @Override
            public String describe(String name) {
                return dir.resolve(name).toString();
            }
        };
    }

    /** The shipped sources without some files: a test reads one of them from a folder instead. */
    public static CatalogSource without(CatalogSource base, Set<String> files) {
        return new CatalogSource() {
            @Override
            public List<String> files() throws IOException {
                return base.files().stream().filter(n -> !files.contains(n)).toList();
            }

            @Override
            public InputStream openFile(String name) throws IOException {
                return base.openFile(name);
            }

            @Override
            public InputStream openSeed(String name) throws IOException {
                return files.contains(name.replaceFirst("\\.txt$", ".yaml")) ? null : base.openSeed(name);
            }

            @Override
            public InputStream openChecks() throws IOException {
                return base.openChecks();
            }
        };
    }
}
