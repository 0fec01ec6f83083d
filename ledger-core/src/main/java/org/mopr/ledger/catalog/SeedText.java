package org.mopr.ledger.catalog;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A seed text prepared for quote checks. Quotes are compared after collapsing every run of whitespace to one
 * space, because the seeds wrap lines and pad table cells where the catalog cannot; nothing else is folded,
 * so a quote with a changed word, letter or punctuation mark fails.
 */
final class SeedText {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final String name;
    private final String normalized;

    private SeedText(String name, String normalized) {
        this.name = name;
        this.normalized = normalized;
    }

    /** Decodes strictly as UTF-8 so a damaged copy of a seed is reported instead of matched loosely. */
    static SeedText of(String name, byte[] bytes) throws CharacterCodingException {
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        return new SeedText(name, normalize(text));
    }

    static String normalize(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    String name() {
        return name;
    }

    boolean contains(String quote) {
        String q = normalize(quote);
        return !q.isEmpty() && normalized.contains(q);
    }
}
