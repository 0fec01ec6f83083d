package org.mopr.ledger.money;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.mopr.ledger.shared.DomainException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The units of the ledger, as data: money units from {@code money/currencies.yaml} and goods units from
 * {@code money/goods.yaml} on the classpath, plus whatever a source folder's {@code units.yaml} declares
 * ({@link #declare}). A broken shipped file is a build error and fails the first use loudly; a broken folder file
 * is the user's mistake and names the file and line. Units only ever join: a code once declared keeps its
 * meaning for the life of the process, so events read back later mean what they meant when written.
 */
public final class Units {

    static final String CURRENCIES = "money/currencies.yaml";
    static final String GOODS = "money/goods.yaml";
    /** The name of a source folder's own units file. */
    public static final String FOLDER_FILE = "units.yaml";
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
    private static final Pattern GOODS_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,19}");
    private static final int MAX_UNITS = 1_000;
    private static final int MAX_BYTES = 1 << 20;

    /** What a goods unit is: its symbol, its kind, its minor digits and, for a measure, its size in kg or litres. */
    public record GoodsSpec(String symbol, Kind kind, int minorDigits, BigDecimal base, String name) {
    }

    /** Goods of different kinds never convert into each other; count units (lots, pieces) not at all. */
    public enum Kind { MASS, VOLUME, COUNT }

    private static final Map<String, Integer> CURRENCY_DIGITS = new ConcurrentHashMap<>();
    private static final Map<String, GoodsSpec> GOODS_UNITS = new ConcurrentHashMap<>();

    static {
        try {
            declare(CURRENCIES, shipped(CURRENCIES), "currencies");
            declare(GOODS, shipped(GOODS), "goods");
        } catch (DomainException e) {
            throw new IllegalStateException("shipped units are broken: " + e.getMessage(), e);
        }
    }

    private Units() {
    }

    static Integer currencyDigits(String code) {
        return code == null ? null : CURRENCY_DIGITS.get(code);
    }

    static GoodsSpec goods(String code) {
        return code == null ? null : GOODS_UNITS.get(code);
    }

    static Set<String> currencyCodes() {
        return new TreeSet<>(CURRENCY_DIGITS.keySet());
    }

    static Set<String> goodsCodes() {
        return new TreeSet<>(GOODS_UNITS.keySet());
    }

    /**
     * A source folder's {@code units.yaml}: a mapping with {@code currencies:} and {@code goods:} lists, entries as in
     * the shipped files. A code already known with the same meaning is accepted; with another meaning it is refused,
     * because one code must not mean two units. Every problem names the file and line.
     */
    public static synchronized void declareFolder(String file, String text) {
        if (text.length() > MAX_BYTES) {
            throw new DomainException(file + ": a units file is at most " + MAX_BYTES + " bytes");
        }
        JsonNode root = read(file, text);
        if (root == null || !root.isObject()) {
            throw new DomainException(file + ":1: a units file is a mapping with 'currencies:' and/or 'goods:' lists");
        }
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!key.equals("currencies") && !key.equals("goods")) {
                throw new DomainException(file + ":" + lineOf(text, key + ":") + ": unknown key '" + key
                        + "'; known keys here: currencies, goods");
            }
        }
        // Check everything before declaring anything: a bad file adds no unit.
        Map<String, Integer> currencies = new java.util.LinkedHashMap<>();
        Map<String, GoodsSpec> goods = new java.util.LinkedHashMap<>();
        parse(file, text, root.path("currencies"), "currencies", currencies, goods);
        parse(file, text, root.path("goods"), "goods", currencies, goods);
        CURRENCY_DIGITS.putAll(currencies);
        GOODS_UNITS.putAll(goods);
    }

    private static synchronized void declare(String file, String text, String what) {
        Map<String, Integer> currencies = new java.util.LinkedHashMap<>();
        Map<String, GoodsSpec> goods = new java.util.LinkedHashMap<>();
        parse(file, text, read(file, text), what, currencies, goods);
        if (currencies.size() + goods.size() == 0) {
            throw new DomainException(file + ": lists no unit");
        }
        CURRENCY_DIGITS.putAll(currencies);
        GOODS_UNITS.putAll(goods);
    }

    private static void parse(String file, String text, JsonNode list, String what, Map<String, Integer> currencies,
                              Map<String, GoodsSpec> goods) {
        if (list.isMissingNode() || list.isNull()) {
            return;
        }
        if (!list.isArray()) {
            throw new DomainException(file + ":" + lineOf(text, what + ":") + ": " + what + ": a list of units is expected");
        }
        if (list.size() > MAX_UNITS) {
            throw new DomainException(file + ": " + list.size() + " " + what + " units, more than the limit of " + MAX_UNITS);
        }
        for (JsonNode unit : list) {
            String code = unit.path("code").asText("");
            String where = file + ":" + lineOf(text, "code: " + code) + ": " + (code.isEmpty() ? "a unit" : "unit " + code);
            JsonNode digitsNode = unit.path("minorDigits");
            int digits = digitsNode.canConvertToInt() && digitsNode.isIntegralNumber() ? digitsNode.asInt() : -1;
            if (digits < 0 || digits > 4) {
                throw new DomainException(where + ": minorDigits must be a whole number within 0..4");
            }
            if (what.equals("currencies")) {
                if (!CURRENCY_CODE.matcher(code).matches()) {
                    throw new DomainException(where + ": a money unit's code is three capital letters (ISO 4217 style)");
                }
                Integer known = CURRENCY_DIGITS.get(code);
                if (known != null && known != digits || currencies.put(code, digits) != null) {
                    throw new DomainException(where + ": is already declared" + (known == null ? " in this file"
                            : " with " + known + " minor digits") + ": one code is one unit");
                }
            } else {
                GoodsSpec spec = goodsSpec(where, code, unit, digits);
                GoodsSpec known = GOODS_UNITS.get(code);
                if (known != null && !known.equals(spec) || goods.put(code, spec) != null) {
                    throw new DomainException(where + ": is already declared" + (known == null ? " in this file"
                            : " as " + describe(known)) + ": one code is one unit");
                }
            }
        }
    }

    private static GoodsSpec goodsSpec(String where, String code, JsonNode unit, int digits) {
        if (!GOODS_CODE.matcher(code).matches()) {
            throw new DomainException(where + ": a goods unit's code is capitals, digits or '_' (2..20), such as POOD");
        }
        String symbol = unit.path("symbol").asText("");
        if (symbol.isBlank() || symbol.length() > 20) {
            throw new DomainException(where + ": needs a symbol of 1..20 characters, such as 'pood'");
        }
        Kind kind;
        try {
            kind = Kind.valueOf(unit.path("kind").asText("").toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException(where + ": kind must be mass, volume or count, was '" + unit.path("kind").asText("") + "'");
        }
        String field = kind == Kind.MASS ? "kilograms" : "litres";
        BigDecimal base = null;
        if (kind != Kind.COUNT) {
            try {
                base = new BigDecimal(unit.path(field).asText(""));
            } catch (NumberFormatException e) {
                throw new DomainException(where + ": a " + kind.name().toLowerCase(java.util.Locale.ROOT) + " unit needs '"
                        + field + "', its size as a decimal in quotes");
            }
            if (base.signum() <= 0) {
                throw new DomainException(where + ": " + field + " must be positive");
            }
        } else if (unit.has("kilograms") || unit.has("litres")) {
            throw new DomainException(where + ": a count unit has no size (no kilograms or litres)");
        }
        return new GoodsSpec(symbol, kind, digits, base, unit.path("name").asText(""));
    }

    private static String describe(GoodsSpec s) {
        return s.kind().name().toLowerCase(java.util.Locale.ROOT) + " '" + s.symbol() + "', " + s.minorDigits()
                + " minor digits" + (s.base() == null ? "" : ", size " + s.base().toPlainString());
    }

    private static JsonNode read(String file, String text) {
        try {
            return new YAMLMapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new DomainException(file + ":" + line + ": not valid YAML: " + e.getOriginalMessage().split("\n")[0]);
        }
    }

    private static String shipped(String resource) {
        try (InputStream in = Units.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return new String(in.readNBytes(MAX_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " cannot be read", e);
        }
    }

    /** The first line holding the needle, 0 when none does. */
    static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        return 0;
    }
}
