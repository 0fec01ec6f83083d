package org.mopr.ledger.projection.engine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rows in COPY's text format, encoded straight into UTF-8 bytes: the same bytes as {@code toString()} of every
 * value, escaped and encoded, but without a String per field and a copy of the whole page from a StringBuilder
 * to a String to bytes, which was most of the writing thread's own time in a replay (ledger-api/BENCHMARK.md).
 * Not thread-safe; handed from the thread that encodes to the one that writes with the batch.
 */
final class CopyText {

    /** The tens and the ones digit of 0-99. */
    private static final byte[] TENS = new byte[100];
    private static final byte[] ONES = new byte[100];

    static {
        for (int i = 0; i < 100; i++) {
            TENS[i] = (byte) ('0' + i / 10);
            ONES[i] = (byte) ('0' + i % 10);
        }
    }

    private byte[] bytes;
    private int length;

    CopyText(int capacity) {
        bytes = new byte[Math.max(capacity, 256)];
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    void tab() {
        put((byte) '\t');
    }

    void endOfRow() {
        put((byte) '\n');
    }

    /** A field: null is \N; numbers in decimal; anything else as its {@code toString()}, escaped. */
    void field(Object value) {
        if (value == null) {
            ensure(2);
            bytes[length++] = '\\';
            bytes[length++] = 'N';
        } else if (value instanceof Long l) {
            decimal(l);
        } else if (value instanceof Integer i) {
            decimal(i);
        } else if (value instanceof Short s) {
            decimal(s);
        } else {
            text(value.toString());
        }
    }

    /**
     * Two digits per division, from a table, as the JDK's own Long.toString does: a replay's and a live page's
     * encoding spent a fifth of its samples here with a division per digit, and another to count the digits.
     */
    private void decimal(long value) {
        if (value == Long.MIN_VALUE) {
            text(Long.toString(value));
            return;
        }
        ensure(20);
        if (value < 0) {
            bytes[length++] = '-';
            value = -value;
        }
        int pos = length + digits(value);
        length = pos;
        while (value >= 100) {
            int pair = (int) (value % 100);
            value /= 100;
            bytes[--pos] = ONES[pair];
            bytes[--pos] = TENS[pair];
        }
        int last = (int) value;
        bytes[--pos] = ONES[last];
        if (last >= 10) {
            bytes[--pos] = TENS[last];
        }
    }

    private static int digits(long positive) {
        long bound = 10;
        for (int digits = 1; digits < 19; digits++) {
            if (positive < bound) {
                return digits;
            }
            bound *= 10;
        }
        return 19;
    }

    /**
     * Backslash, tab, newline and carriage return escaped; characters beyond ASCII encoded as UTF-8. Most fields
     * (ids, dates, currency codes) need neither, and are copied whole once a scan has found so.
     */
    @SuppressWarnings("deprecation")   // String.getBytes(int, int, byte[], int): the low byte of each char, ASCII here
    private void text(String s) {
        int n = s.length();
        int plain = 0;
        while (plain < n) {
            char c = s.charAt(plain);
            if (c >= 0x80 || c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                break;
            }
            plain++;
        }
        ensure(n);
        s.getBytes(0, plain, bytes, length);
        length += plain;
        for (int i = plain; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                textBeyondAscii(s, i);
                return;
            }
            switch (c) {
                case '\\' -> escaped('\\');
                case '\t' -> escaped('t');
                case '\n' -> escaped('n');
                case '\r' -> escaped('r');
                default -> put((byte) c);
            }
        }
    }

    /** The rare field with other characters: the rest of it escaped as a String and encoded by the JDK. */
    private void textBeyondAscii(String s, int from) {
        StringBuilder rest = new StringBuilder(s.length() - from + 8);
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> rest.append("\\\\");
                case '\t' -> rest.append("\\t");
                case '\n' -> rest.append("\\n");
                case '\r' -> rest.append("\\r");
                default -> rest.append(c);
            }
        }
        byte[] utf8 = rest.toString().getBytes(StandardCharsets.UTF_8);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
    }

    private void escaped(char c) {
        put((byte) '\\');
        put((byte) c);
    }

    private void put(byte b) {
        if (length == bytes.length) {
            ensure(1);
        }
        bytes[length++] = b;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
