package org.mopr.ledger.shared;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Turns a name as the sources write it ("Ivanovo-Voznesensk", "Joaquín") into the key that aggregate ids
 * and read models use. One function, so the compiler and the reconciliation always agree on a city's key.
 */
public final class Keys {

    private static final int MAX = 60;

    private Keys() {
    }

    public static String of(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.length() > MAX ? s.substring(0, MAX) : s;
    }
}
