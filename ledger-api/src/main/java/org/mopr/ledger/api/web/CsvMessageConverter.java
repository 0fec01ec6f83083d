package org.mopr.ledger.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mopr.ledger.shared.LedgerCsv;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Any response as RFC 4180 CSV for spreadsheets: the rows of a {@link CsvRows} (or the object itself as one row),
 * each turned into JSON with the API's own mapper and flattened, so CSV and JSON never disagree on a value. Nested
 * objects become dotted columns ({@code amount.minor}, {@code amount.decimal}); lists of plain values are joined with
 * "; "; lists of objects are kept as JSON text in their cell. The header is the union of every row's columns.
 */
public class CsvMessageConverter extends AbstractHttpMessageConverter<Object> {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ObjectMapper mapper;

    public CsvMessageConverter(ObjectMapper mapper) {
        super(TEXT_CSV, new MediaType("text", "csv"));
        this.mapper = mapper;
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return true;
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected Object readInternal(Class<?> clazz, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("the API reads JSON, not CSV", input);
    }

    @Override
    protected void writeInternal(Object body, HttpOutputMessage output) throws IOException {
        List<?> rows = body instanceof CsvRows r ? r.csvRows() : List.of(body);
        List<Map<String, String>> flat = new ArrayList<>(rows.size());
        Set<String> columns = new LinkedHashSet<>();
        for (Object row : rows) {
            Map<String, String> cells = new LinkedHashMap<>();
            flatten("", mapper.valueToTree(row), cells);
            columns.addAll(cells.keySet());
            flat.add(cells);
        }
        Writer out = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
        write(out, new ArrayList<>(columns));
        for (Map<String, String> cells : flat) {
            List<String> line = new ArrayList<>(columns.size());
            for (String column : columns) {
                line.add(cells.get(column));
            }
            write(out, line);
        }
        out.flush();
    }

    private void flatten(String prefix, JsonNode node, Map<String, String> cells) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), cells);
            }
        } else if (node.isArray()) {
            boolean plain = true;
            for (JsonNode element : node) {
                plain &= element.isValueNode();
            }
            if (plain) {
                List<String> values = new ArrayList<>();
                node.forEach(element -> values.add(element.asText()));
                cells.put(key(prefix), LedgerCsv.list(values));
            } else {
                cells.put(key(prefix), node.toString());
            }
        } else if (node.isNull() || node.isMissingNode()) {
            cells.put(key(prefix), null);
        } else {
            cells.put(key(prefix), node.asText());
        }
    }

    private static String key(String prefix) {
        return prefix.isEmpty() ? "value" : prefix;
    }

    private static void write(Writer out, List<String> cells) {
        LedgerCsv.row(out, cells);
    }
}
