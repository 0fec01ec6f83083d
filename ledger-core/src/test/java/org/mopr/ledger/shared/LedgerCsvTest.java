package org.mopr.ledger.shared;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one CSV dialect the API, the catalog and the reconciliation write. */
class LedgerCsvTest {

    private static String row(Object... values) {
        StringBuilder out = new StringBuilder();
        LedgerCsv.row(out, Arrays.asList(values));
        return out.toString();
    }

    @Test
    void quotesOnlyWhatNeedsItAndWritesNullAsEmpty() {
        assertThat(row("plain", "a, b", "say \"MOPR\"", "two\nlines", null, 42))
                .isEqualTo("plain,\"a, b\",\"say \"\"MOPR\"\"\",\"two\nlines\",,42\r\n");
    }

    @Test
    void aListIsOneFieldJoinedWithSemicolonAndSpace() {
        assertThat(LedgerCsv.list(List.of("c003.a", "c003.b"))).isEqualTo("c003.a; c003.b");
        assertThat(row("x", LedgerCsv.list(List.of("a, b", "c")))).isEqualTo("x,\"a, b; c\"\r\n");
    }
}
