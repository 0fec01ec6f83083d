package org.mopr.ledger.projection.engine;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bytes sent to COPY are what PostgreSQL's text format reads back: the values' text, escaped, in UTF-8. */
class CopyTextTest {

    @Test
    void fieldsAreTheValuesTextEscapedAndEncodedAsUtf8() {
        List<Object> values = Arrays.asList(null, 0L, 7L, -80L, Long.MAX_VALUE, Long.MIN_VALUE, 1_000_000_007L,
                (short) 1, (short) -3, 42, Integer.MIN_VALUE, LocalDate.of(1923, 1, 10), "section/SU/fund",
                "tab\there", "line\nbreak\rreturn", "back\\slash", "", "Zürich – Łódź \\ \t€ 😀", "\\N");
        CopyText text = new CopyText(1);
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.tab();
            }
            text.field(values.get(i));
        }
        text.endOfRow();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                expected.append('\t');
            }
            Object v = values.get(i);
            expected.append(v == null ? "\\N" : v.toString().replace("\\", "\\\\").replace("\t", "\\t")
                    .replace("\n", "\\n").replace("\r", "\\r"));
        }
        expected.append('\n');
        assertThat(new String(text.bytes(), 0, text.length(), StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }
}
