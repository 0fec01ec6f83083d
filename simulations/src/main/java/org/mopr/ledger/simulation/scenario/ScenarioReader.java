package org.mopr.ledger.simulation.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.mopr.ledger.shared.DomainException;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads scenario YAML strictly: unknown keys, wrong types and malformed dates are errors with file and line.
 * Shipped scenarios are found by name on the classpath ({@code scenarios/<name>.yaml}).
 */
public final class ScenarioReader {

    /** A scenario is a page of settings; anything larger is a mistake or an attack. */
    public static final int MAX_BYTES = 256 * 1024;

    public static final List<String> SHIPPED = List.of("historical", "ban-italy-1923", "half-dues", "affiliates-62",
            "us-founded-1921", "de-founded-1921", "bg-formed-1920", "dollar-at-2-rubles", "synthetic-members");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // "seed: 1.5" would otherwise run with seed 1, and a key given twice would silently keep the
            // last value: both are mistakes the author must see.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final Pattern COMMENT = Pattern.compile("(^|\\s)#.*$");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    private ScenarioReader() {
    }

    /** A shipped name ("historical") or a path to a YAML file. */
    public static ScenarioSource source(String nameOrPath) {
        if (SHIPPED.contains(nameOrPath)) {
            String resource = "scenarios/" + nameOrPath + ".yaml";
            try (InputStream in = ScenarioReader.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new DomainException("shipped scenario " + resource + " is missing from the jar");
                }
                return new ScenarioSource(nameOrPath + ".yaml", new String(in.readNBytes(MAX_BYTES + 1), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new DomainException("cannot read shipped scenario " + resource + ": " + e.getMessage());
            }
        }
        Path path = Path.of(nameOrPath);
        if (!Files.isRegularFile(path)) {
            throw new ScenarioException(nameOrPath, 0, "no such scenario: not a shipped name " + SHIPPED + " nor a file");
        }
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw new ScenarioException(nameOrPath, 0, "scenario file is larger than " + MAX_BYTES + " bytes");
            }
            return new ScenarioSource(path.toString(), text(path.toString(), Files.readAllBytes(path)));
        } catch (IOException e) {
            throw new ScenarioException(nameOrPath, 0, "cannot read: " + e.getMessage());
        }
    }

    /**
     * The file's text, refusing what is not UTF-8 text: decoding leniently would hand the YAML parser replacement
     * characters, and decoding strictly without a check says only "Input length = 1".
     */
    static String text(String file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        int malformed = result.isError() ? in.position() : bytes.length;
        // Whichever comes first is what the author should look at.
        for (int i = 0; i < malformed; i++) {
            if (bytes[i] == 0) {
                throw new ScenarioException(file, lineAt(bytes, i), "not a text file (a NUL byte at offset " + i
                        + "): a scenario is YAML text");
            }
        }
        if (result.isError()) {
            throw new ScenarioException(file, lineAt(bytes, malformed), String.format(Locale.ROOT,
                    "not a text file (byte 0x%02x at offset %d is not UTF-8): a scenario is YAML text",
                    bytes[malformed] & 0xff, malformed));
        }
        return out.flip().toString();
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    public static Scenario parse(ScenarioSource source) {
        if (source.text().length() > MAX_BYTES) {
            throw new ScenarioException(source.file(), 0, "scenario is larger than " + MAX_BYTES + " bytes");
        }
        if (source.text().isBlank() || hasNoContent(source)) {
            throw new ScenarioException(source.file(), 0, "scenario is empty");
        }
        try {
            Scenario scenario = YAML.readValue(source.text(), Scenario.class);
            if (scenario == null) {
                throw new ScenarioException(source.file(), 0, "scenario is empty");
            }
            return scenario;
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream().map(String::valueOf)
                    .sorted().collect(Collectors.joining(", ", "; known keys here: ", ""));
            throw new ScenarioException(source.file(), line(e, source, e.getPropertyName()), "unknown key '" + e.getPropertyName() + "'"
                    + known);
        } catch (MismatchedInputException e) {
            throw new ScenarioException(source.file(), line(e, source, lastKey(e.getPath())), wrongType(e));
        } catch (JsonProcessingException e) {
            MarkedYAMLException yaml = yamlSyntax(e);
            if (yaml != null) {
                throw syntax(source, yaml);
            }
            throw new ScenarioException(source.file(), line(e, source, duplicateKey(e.getOriginalMessage())),
                    cleanup(e.getOriginalMessage()));
        }
    }

    /** The YAML parser's own error behind Jackson's, when the text is not YAML; Jackson may wrap it twice. */
    private static MarkedYAMLException yamlSyntax(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                return yaml;
            }
        }
        return null;
    }

    /**
     * YAML the parser cannot read, at the line of the problem rather than of the parser's look-ahead, with what it
     * expected ("expected <block end>, but found '-'") and where the construct it was reading began. At the end of
     * the file the problem is shown on the last line written, not on the empty one after it.
     */
    private static ScenarioException syntax(ScenarioSource source, MarkedYAMLException yaml) {
        int line = Math.min(yaml.getProblemMark().getLine() + 1, lastWrittenLine(source.text()));
        String problem = yaml.getProblem() == null ? "malformed YAML" : yaml.getProblem().strip();
        if (problem.contains("\\t(TAB)")) {
            return new ScenarioException(source.file(), line, "a tab cannot start a token here: YAML indents with spaces, never tabs");
        }
        String context = yaml.getContext();
        if (context != null && yaml.getContextMark() != null && !context.equals("while scanning for the next token")) {
            problem += " (" + context + " that begins on line " + (yaml.getContextMark().getLine() + 1) + ")";
        }
        return new ScenarioException(source.file(), line, problem);
    }

    private static int lastWrittenLine(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = lines.length; i >= 1; i--) {
            if (!lines[i - 1].isBlank()) {
                return i;
            }
        }
        return 1;
    }

    /** A file of comments only is as empty as a blank one, though the text is not blank. */
    private static boolean hasNoContent(ScenarioSource source) {
        try (JsonParser parser = YAML.getFactory().createParser(source.text())) {
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;   // malformed YAML: reading the value reports it with its line
        }
    }

    /**
     * The line of the key at fault. Jackson reports where the YAML reader had got to, which for a block mapping
     * is the line after the key (the reader looks ahead); so when the key is known, the nearest line at or
     * before that one which writes it ({@code key:} in block or flow style) is the one to show.
     */
    private static int line(JsonProcessingException e, ScenarioSource source, String key) {
        JsonLocation location = e.getLocation();
        int reported = location == null ? 0 : location.getLineNr();
        if (key == null || reported <= 0) {
            return reported;
        }
        Pattern written = Pattern.compile("(^|[\\s{,-])" + Pattern.quote(key) + "\\s*:");
        String[] lines = source.text().split("\n", -1);
        for (int i = Math.min(reported, lines.length); i >= 1; i--) {
            // A key named in a comment is not the key written.
            String text = COMMENT.matcher(lines[i - 1]).replaceFirst("");
            if (written.matcher(text).find()) {
                return i;
            }
        }
        return reported;
    }

    /** The last key on the path to the value, when there is one. */
    private static String lastKey(List<JsonMappingException.Reference> path) {
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i).getFieldName() != null) {
                return path.get(i).getFieldName();
            }
        }
        return null;
    }

    /**
     * A value of the wrong type, said in the scenario's terms: which key, what was written, what was expected
     * ("seed: 'abc' is not a whole number"), instead of Jackson's Java class names.
     */
    private static String wrongType(MismatchedInputException e) {
        String key = path(e.getPath());
        String expected = expected(e.getTargetType());
        if (expected == null) {
            return cleanup(e.getOriginalMessage());
        }
        String written = written(e);
        // java.time says why a well-shaped date does not exist ("Invalid date 'FEBRUARY 30'"); that part helps.
        String detail = "";
        if (e instanceof InvalidFormatException && e.getCause() instanceof DateTimeException d && d.getMessage() != null) {
            String why = d.getMessage().replaceFirst("^Text '.*' could not be parsed: ", "");
            detail = why.startsWith("Text '") ? "" : " (" + why + ")";
        }
        return (key.isEmpty() ? "the scenario" : key) + ": " + (written == null ? "expected " + expected
                : written + " is not " + expected) + detail;
    }

    /** The keys down to the value, items of a list counted from 1: {@code overrides[1].ban.from}. */
    private static String path(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex() + 1).append(']');
            }
        }
        return out.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == LocalDate.class) {
            return "a date written YYYY-MM-DD";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping of keys";
        }
        return null;
    }

    /** What the author wrote, when the parser still knows it. */
    private static String written(MismatchedInputException e) {
        if (e instanceof InvalidFormatException f && f.getValue() != null) {
            return "'" + f.getValue() + "'";
        }
        if (!(e.getProcessor() instanceof JsonParser parser)) {
            return null;
        }
        JsonToken token = parser.currentToken();
        if (token == null) {
            return null;
        }
        try {
            return switch (token) {
                case START_ARRAY -> "a list";
                case START_OBJECT -> "a mapping";
                case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> "'" + parser.getText() + "'";
                default -> null;
            };
        } catch (IOException io) {
            return null;
        }
    }

    /** Jackson names a key given twice as "Duplicate field 'seed'"; null for any other message. */
    private static String duplicateKey(String message) {
        Matcher m = DUPLICATE.matcher(message == null ? "" : message);
        return m.lookingAt() ? m.group(1) : null;
    }

    /** Jackson's messages name Java types; a scenario author needs the value and what was expected. */
    private static String cleanup(String message) {
        String first = message.split("\n")[0];
        String duplicate = duplicateKey(first);
        if (duplicate != null) {
            return "key '" + duplicate + "' is given twice; write it once";
        }
        return first.replaceAll("`[a-z.]+\\.([A-Z][A-Za-z$]*)`", "$1").replace("Scenario$", "");
    }
}
