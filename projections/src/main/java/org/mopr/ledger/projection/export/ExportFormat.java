package org.mopr.ledger.projection.export;

import java.util.Locale;

/** The file format of an export; every table of one export has the same. */
public enum ExportFormat {
    CSV("csv", "text/csv"),
    PARQUET("parquet", "application/vnd.apache.parquet");

    private final String extension;
    private final String mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public static ExportFormat parse(String text) {
        if (text != null) {
            for (ExportFormat f : values()) {
                if (f.extension.equals(text.toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
        }
        throw new IllegalArgumentException("unknown export format '" + text + "': csv or parquet");
    }
}
