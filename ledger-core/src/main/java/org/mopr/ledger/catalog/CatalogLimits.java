package org.mopr.ledger.catalog;

/**
 * Upper bounds on what the loader reads, so a runaway or hostile file fails fast with a clear message instead
 * of exhausting memory. The historical catalog is a few hundred claims in files of tens of kilobytes.
 */
public record CatalogLimits(int maxFileBytes, int maxFiles, int maxClaims, int maxSeedBytes) {

    public static final CatalogLimits DEFAULT = new CatalogLimits(4 << 20, 200, 100_000, SourceFolders.MAX_TEXT_BYTES);

    public CatalogLimits {
        if (maxFileBytes <= 0 || maxFiles <= 0 || maxClaims <= 0 || maxSeedBytes <= 0) {
            throw new IllegalArgumentException("catalog limits must be positive");
        }
    }
}
