package org.mopr.ledger.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.shared.DomainException;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogExportTest {

    private static Catalog catalog;

    @BeforeAll
    static void load() {
        catalog = Catalog.loadHistorical();
    }

    @Test
    void jsonIsAnArrayOfClaimObjects() throws Exception {
        JsonNode array = new ObjectMapper().readTree(export(CatalogExport.Format.JSON));
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(catalog.size());
        for (JsonNode o : array) {
            assertThat(o.has("id") && o.has("subject") && o.has("value") && o.has("unit") && o.has("date")
                    && o.has("precision") && o.has("scope") && o.has("source") && o.has("quote")).isTrue();
            assertThat(o.get("conflictsWith").isArray()).isTrue();
        }
        JsonNode usd = find(array, "c001.ussr-aid-1923-usd");
        assertThat(usd.get("subject").asText()).isEqualTo("section:SU");
        assertThat(usd.get("value").get("type").asText()).isEqualTo("EXACT");
        assertThat(usd.get("value").get("amount").asLong()).isEqualTo(48265);
        assertThat(usd.get("minorUnits").asLong()).isEqualTo(4_826_500);
        assertThat(usd.get("unit").asText()).isEqualTo("USD");
        assertThat(usd.get("date").asText()).isEqualTo("1923-03/1923-11");
        assertThat(usd.get("precision").asText()).isEqualTo("INTERVAL");
        assertThat(usd.get("scope").asText()).isEqualTo("SECTION:SU");
        assertThat(usd.get("source").asText()).isEqualTo("001_81dcb08b3cb23004.txt");
        assertThat(usd.get("quote").asText()).contains("$ 48,265");

        JsonNode sixtySeven = find(array, "c003.sections-1932-outside-ussr-67");
        assertThat(sixtySeven.get("conflictsWith")).extracting(JsonNode::asText)
                .contains("c003.affiliates-1932-62");
        assertThat(find(array, "c003.table-affiliates-by-1928").get("value").get("low").asLong()).isEqualTo(30);
        assertThat(find(array, "c001.birthday-1922-11-30").get("value").isNull()).isTrue();
        assertThat(find(array, "c001.patronage-kiev-pl").get("link").get("targets").get(0).asText()).isEqualTo("country:PL");
    }

    @Test
    void csvHasAHeaderAndOneRecordPerClaimWithRfc4180Quoting() throws Exception {
        String csv = export(CatalogExport.Format.CSV);
        List<List<String>> records = parseCsv(csv);
        assertThat(records.get(0)).isEqualTo(CatalogExport.COLUMNS);
        assertThat(records).hasSize(catalog.size() + 1);
        assertThat(records).allSatisfy(r -> assertThat(r).hasSize(CatalogExport.COLUMNS.size()));
        int quote = CatalogExport.COLUMNS.indexOf("quote");
        for (int i = 0; i < catalog.size(); i++) {
            assertThat(records.get(i + 1).get(0)).isEqualTo(catalog.claims().get(i).id());
            assertThat(records.get(i + 1).get(quote)).isEqualTo(catalog.claims().get(i).quote());
        }
        List<String> usd = records.stream().filter(r -> r.get(0).equals("c001.ussr-aid-1923-usd")).findFirst().orElseThrow();
        assertThat(usd.get(CatalogExport.COLUMNS.indexOf("value"))).isEqualTo("48265");
        assertThat(usd.get(CatalogExport.COLUMNS.indexOf("unit"))).isEqualTo("USD");
        assertThat(csv).contains("\r\n");
    }

    @Test
    void textHasOneLinePerClaim() throws Exception {
        String text = export(CatalogExport.Format.TEXT);
        String[] lines = text.split("\n");
        assertThat(lines).hasSize(catalog.size());
        assertThat(lines[0]).startsWith(catalog.claims().get(0).id());
        assertThat(text).contains("c001.ussr-aid-1923-usd  MONEY  section:SU  48265 USD  1923-03/1923-11 (INTERVAL)");
    }

    @Test
    void formatNamesAreReadInAnyCase() {
        assertThat(CatalogExport.Format.parse("Json")).isEqualTo(CatalogExport.Format.JSON);
        assertThatThrownBy(() -> CatalogExport.Format.parse("xml")).isInstanceOf(DomainException.class)
                .hasMessageContaining("text, json, csv");
    }

    private static String export(CatalogExport.Format format) throws Exception {
        StringWriter out = new StringWriter();
        CatalogExport.write(catalog, format, out);
        return out.toString();
    }

    private static JsonNode find(JsonNode array, String id) {
        for (JsonNode o : array) {
            if (o.get("id").asText().equals(id)) {
                return o;
            }
        }
        throw new AssertionError("no claim " + id);
    }

    /** A strict RFC 4180 reader, so the test does not trust the writer's own rules. */
    private static List<List<String>> parseCsv(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char ch = csv.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                assertThat(field).as("quote inside an unquoted field").isEmpty();
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(ch);
            }
        }
        assertThat(quoted).as("unterminated quoted field").isFalse();
        assertThat(record).as("last record ends with CRLF").isEmpty();
        return records;
    }
}
