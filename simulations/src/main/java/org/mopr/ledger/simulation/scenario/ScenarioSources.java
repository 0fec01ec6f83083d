package org.mopr.ledger.simulation.scenario;

import org.mopr.ledger.catalog.SourceFolders;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenario's {@code sources:} folders. The catalog is loaded once, before the scenario runs, so whoever loads it
 * (the command line) asks for these first; the compiler then checks that each folder's sources are in the catalog
 * it is given, so a scenario never runs without the documents it names.
 */
public final class ScenarioSources {

    private ScenarioSources() {
    }

    /** The folders, resolved against the scenario file's own folder; a missing one names the file and line. */
    public static List<Path> folders(ScenarioSource source) {
        Scenario scenario = ScenarioReader.parse(source);
        List<String> written = scenario.sources() == null ? List.of() : scenario.sources();
        if (written.size() > SourceFolders.MAX_FOLDERS) {
            throw source.error("sources:", "sources lists " + written.size() + " folders, more than the limit of "
                    + SourceFolders.MAX_FOLDERS);
        }
        Path file = Path.of(source.file());
        Path base = file.getParent() == null ? Path.of(".") : file.getParent();
        List<Path> folders = new ArrayList<>();
        for (String dir : written) {
            if (dir == null || dir.isBlank()) {
                throw source.error("sources:", "sources: an empty folder name");
            }
            Path folder = base.resolve(dir).normalize();
            if (!Files.isDirectory(folder)) {
                throw source.errorAt("sources: no such folder '" + dir + "' (read as " + folder + ")", dir, "sources:");
            }
            folders.add(folder);
        }
        return folders;
    }

    /** The text files of a folder's sources, the names its claims cite. */
    public static List<String> texts(Path folder) {
        try (var listing = Files.list(folder)) {
            return listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted().toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
