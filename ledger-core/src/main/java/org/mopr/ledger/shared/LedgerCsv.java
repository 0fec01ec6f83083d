package org.mopr.ledger.shared;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one CSV dialect of the ledger, for the API, the catalog and the reconciliation alike (Commons CSV): RFC 4180,
 * comma-separated, CRLF line ends, a field quoted only when it holds a comma, a quote or a line break (quotes
 * doubled), null as an empty field, and a list inside one field joined with {@value #LIST_SEPARATOR}.
 */
public final class LedgerCsv {

    public static final String LIST_SEPARATOR = "; ";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setQuoteMode(QuoteMode.MINIMAL)
            .setRecordSeparator("\r\n")
            .get();

    private LedgerCsv() {
    }

    /** Writes one record; null values become empty fields. */
    public static void row(Appendable out, List<?> values) {
        try {
            FORMAT.printRecord(out, values.toArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes one field of a record, the delimiter before it unless it is the record's first; for writers that stream
     * millions of rows and cannot afford a list per row. {@link #endRow} closes the record.
     */
    public static void cell(Appendable out, Object value, boolean first) throws IOException {
        FORMAT.print(value, out, first);
    }

    /** Closes a record written by {@link #cell}. */
    public static void endRow(Appendable out) throws IOException {
        FORMAT.println(out);
    }

    /** A list of values as one field. */
    public static String list(Collection<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(LIST_SEPARATOR));
    }
}
