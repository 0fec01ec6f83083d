package org.mopr.ledger.api.cli;

import org.mopr.ledger.catalog.SourceFolders;
import org.mopr.ledger.shared.DomainException;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code --sources DIR} (repeatable): folders of sources added to the shipped five, each {@code <name>.txt} with
 * {@code <name>.yaml}. The application reads them as the {@code mopr.sources} property, as {@code serve} does from
 * its configuration.
 */
public class SourcesOption {

    @Option(names = "--sources", paramLabel = "DIR", description = "Add the sources in this folder (<name>.txt with "
            + "<name>.yaml) to the shipped ones; repeat for more folders (at most 100).")
    List<Path> folders = new ArrayList<>();

    /** The folders given, then {@code more} (a scenario's own), each once. */
    public List<Path> all(List<Path> more) {
        LinkedHashSet<Path> all = new LinkedHashSet<>();
        folders.forEach(f -> all.add(f.toAbsolutePath().normalize()));
        more.forEach(f -> all.add(f.toAbsolutePath().normalize()));
        if (all.size() > SourceFolders.MAX_FOLDERS) {
            throw new DomainException(all.size() + " source folders, more than the limit of " + SourceFolders.MAX_FOLDERS);
        }
        return List.copyOf(all);
    }

    /** The {@code mopr.sources} property for these folders and {@code more}, with the other properties given. */
    public Map<String, Object> properties(Map<String, Object> others, List<Path> more) {
        Map<String, Object> properties = new HashMap<>(others);
        List<Path> all = all(more);
        for (Path p : all) {
            if (p.toString().contains(",")) {
                // Spring splits the property on commas.
                throw new DomainException("source folder '" + p + "' has a comma in its path: rename or link it");
            }
        }
        if (!all.isEmpty()) {
            properties.put("mopr.sources", all.stream().map(Path::toString).collect(Collectors.joining(",")));
        }
        return properties;
    }

    public Map<String, Object> properties(Map<String, Object> others) {
        return properties(others, List.of());
    }
}
