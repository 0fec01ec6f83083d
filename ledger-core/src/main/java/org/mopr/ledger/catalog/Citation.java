package org.mopr.ledger.catalog;

/**
 * Where a claim can be read: the seed file's name and the passage, verbatim up to runs of whitespace.
 * The loader has checked that the passage occurs in that seed.
 */
public record Citation(String source, String quote) {

    @Override
    public String toString() {
        return source + ": \"" + quote + "\"";
    }
}
