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

    @Test
    void everyLengthOfNumberAndEveryPlaceOfAnEscapeEncodeAsTheirText() {
        java.util.Random random = new java.util.Random(1922);
        List<Object> values = new java.util.ArrayList<>();
        for (long p = 1; p > 0 && p <= Long.MAX_VALUE / 10; p *= 10) {
            values.addAll(List.of(p - 1, p, p + 1, -p, 10 * p - 1, -(10 * p - 1)));
        }
        for (int i = 0; i < 2_000; i++) {
            values.add(random.nextLong() >> random.nextInt(64));
            values.add(random.nextInt(1_000_000) - 500_000);
        }
        String alphabet = "abcXYZ019/-.: \\\t\n\rÄ€";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = random.nextInt(40); k > 0; k--) {
                s.append(alphabet.charAt(random.nextInt(random.nextInt(10) == 0 ? alphabet.length() : 16)));
            }
            values.add(s.toString());
        }
        CopyText text = new CopyText(1);
        StringBuilder expected = new StringBuilder();
        for (Object v : values) {
            text.field(v);
            text.tab();
            expected.append(v.toString().replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
                    .replace("\r", "\\r")).append('\t');
        }
        assertThat(new String(text.bytes(), 0, text.length(), StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }
}
