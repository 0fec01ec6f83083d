package org.mopr.ledger.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where catalog files and seed texts come from: the classpath, two directories, or memory (tests).
 * Names are checked before they touch a path, so a seed name in a YAML file cannot reach outside its folder.
 */
public interface CatalogSource {

    /** The name of the classpath index listing the catalog files, one a line; a jar cannot be listed. */
    String INDEX = "files.txt";

    Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}\\.yaml");
    Pattern SEED_NAME = Pattern.compile("\\d{3}_[A-Za-z0-9_-]{1,60}\\.txt");

    /** Catalog file names in load order. */
    List<String> files() throws IOException;

    /** Opens a catalog file named by {@link #files()}. */
    InputStream openFile(String name) throws IOException;

    /** Opens a seed text, or returns null when there is no such seed. */
    InputStream openSeed(String name) throws IOException;

    /** Opens {@code checks.yaml}, the claim-against-claim checks, or returns null when there is none. */
    default InputStream openChecks() throws IOException {
        return null;
    }

    /** Where a catalog file is, for error messages: its path when it comes from a folder. */
    default String describe(String name) {
        return name;
    }

    /** The historical catalog on the classpath: {@code catalog/files.txt}, {@code catalog/*.yaml}, {@code seeds/*.txt}. */
    static CatalogSource classpath() {
        ClassLoader loader = CatalogSource.class.getClassLoader();
        return new CatalogSource() {
            @Override
            public List<String> files() throws IOException {
                try (InputStream in = loader.getResourceAsStream("catalog/" + INDEX)) {
                    if (in == null) {
                        throw new IOException("catalog/" + INDEX + " is not on the classpath");
                    }
                    List<String> names = new ArrayList<>();
                    for (String line : new String(in.readNBytes(1 << 16), StandardCharsets.UTF_8).split("\n")) {
                        if (!line.isBlank() && !line.startsWith("#")) {
                            names.add(line.strip());
                        }
                    }
                    return names;
                }
            }

            @Override
            public InputStream openFile(String name) throws IOException {
                InputStream in = FILE_NAME.matcher(name).matches() ? loader.getResourceAsStream("catalog/" + name) : null;
                if (in == null) {
                    throw new IOException("catalog/" + name + " is listed in catalog/" + INDEX
                            + " but not on the classpath");
                }
                return in;
            }

            @Override
            public InputStream openSeed(String name) {
                return SEED_NAME.matcher(name).matches() ? loader.getResourceAsStream("seeds/" + name) : null;
            }

            @Override
            public InputStream openChecks() {
                return loader.getResourceAsStream("catalog/" + CheckReader.FILE);
            }
        };
    }

    /** Every {@code *.yaml} in {@code catalogDir}, sorted by name, with seeds read from {@code seedDir}. */
    static CatalogSource directories(Path catalogDir, Path seedDir) {
        return new CatalogSource() {
            @Override
            public List<String> files() throws IOException {
                try (Stream<Path> listing = Files.list(catalogDir)) {
                    return listing.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".yaml") && !n.equals(CheckReader.FILE))
                            .sorted()
                            .toList();
                }
            }

            @Override
            public InputStream openFile(String name) throws IOException {
                if (!FILE_NAME.matcher(name).matches()) {
                    throw new IOException("catalog file name '" + name + "' must match " + FILE_NAME.pattern());
                }
                return Files.newInputStream(catalogDir.resolve(name));
            }

            @Override
            public InputStream openSeed(String name) throws IOException {
                Path seed = SEED_NAME.matcher(name).matches() ? seedDir.resolve(name) : null;
                return seed != null && Files.isRegularFile(seed) ? Files.newInputStream(seed) : null;
            }

            @Override
            public InputStream openChecks() throws IOException {
                Path checks = catalogDir.resolve(CheckReader.FILE);
                return Files.isRegularFile(checks) ? Files.newInputStream(checks) : null;
            }
        };
    }

    /** In-memory files and seeds; catalog files load in name order. */
    static CatalogSource of(Map<String, byte[]> catalogFiles, Map<String, byte[]> seeds) {
        Map<String, byte[]> files = new TreeMap<>(catalogFiles);
        byte[] checks = files.remove(CheckReader.FILE);
        Map<String, byte[]> texts = Map.copyOf(seeds);
        return new CatalogSource() {
            @Override
            public List<String> files() {
                return List.copyOf(files.keySet());
            }

            @Override
            public InputStream openFile(String name) {
                byte[] bytes = files.get(name);
                if (bytes == null) {
                    throw new UncheckedIOException(new IOException("no catalog file " + name));
                }
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public InputStream openSeed(String name) {
                byte[] bytes = texts.get(name);
                return bytes == null ? null : new ByteArrayInputStream(bytes);
            }

            @Override
            public InputStream openChecks() {
                return checks == null ? null : new ByteArrayInputStream(checks);
            }
        };
    }
}
