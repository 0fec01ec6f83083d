package org.mopr.ledger.api.cli;

import org.mopr.ledger.catalog.Catalog;
import org.mopr.ledger.catalog.CatalogExport;
import org.mopr.ledger.catalog.Claim;
import org.mopr.ledger.catalog.ClaimKind;
import org.mopr.ledger.catalog.Subject;
import org.mopr.ledger.shared.DomainException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * {@code catalog [--format text|json|csv] [--kind K] [--subject S] [--source FILE]}: the documented claims,
 * filtered. It reads the catalog from the jar and never starts Spring or the store, so it answers in a moment
 * and works on a machine without a database.
 */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = {"List the documented claims of the historical catalog with their citations.",
                "Filters combine: every claim shown matches all of them."})
public class CatalogCommand implements Callable<Integer> {

    // Options are plain strings parsed in call(), so a bad value goes through the domain error handler:
    // one line naming the choices and exit code 2, rather than picocli's usage dump.
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--kind", paramLabel = "K", description = "Only claims of this kind: money, count, goods, date, link or text.")
    String kind;

    @Option(names = "--subject", paramLabel = "S",
            description = "Only claims about this subject, written as in the catalog: organisation, section:DE, city:Kiev, ...")
    String subject;

    @Option(names = "--source", paramLabel = "FILE", description = "Only claims quoting this seed file, e.g. 003_c10c5d3d861aa3f5.txt.")
    String source;

    @Mixin
    SourcesOption sources;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CatalogExport.Format chosen = CatalogExport.Format.parse(format);
        // Every filter is parsed before the catalog is read, so a typo fails fast whatever the catalog holds.
        Predicate<Claim> filter = c -> true;
        if (kind != null) {
            ClaimKind k = kind(kind);
            filter = filter.and(c -> c.kind() == k);
        }
        if (subject != null) {
            Subject s = Subject.parse(subject.strip());
            filter = filter.and(c -> c.subject().equals(s));
        }
        Catalog catalog = Catalog.load(sources.all(List.of()));
        if (source != null) {
            String file = source.strip();
            if (!catalog.countBySource().containsKey(file)) {
                // An unknown seed is a typo, not an empty answer: say which names exist.
                throw new DomainException("no claim quotes source '" + source + "': the seeds are "
                        + String.join(", ", catalog.countBySource().keySet()));
            }
            filter = filter.and(c -> c.source().equals(file));
        }
        List<Claim> claims = catalog.claims().stream().filter(filter).toList();
        PrintWriter out = spec.commandLine().getOut();
        CatalogExport.write(claims, chosen, out);
        return 0;
    }

    private static ClaimKind kind(String text) {
        try {
            return ClaimKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException("kind '" + text + "' is not one of " + String.join(", ",
                    Arrays.stream(ClaimKind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList()));
        }
    }
}
