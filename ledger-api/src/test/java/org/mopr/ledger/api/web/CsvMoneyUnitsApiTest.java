package org.mopr.ledger.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mopr.ledger.money.Currency;

import java.util.ArrayList;
import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every CSV answer of the API that carries money names the unit of each money cell on its own row: beside
 * {@code X.minor} stand {@code X.currency} and {@code X.exponent} (the currency's minor-unit exponent), so
 * {@code minor / 10^exponent} is the amount in that currency, as the export's tables have a currency column.
 */
class CsvMoneyUnitsApiTest {

    static {
        WebApp.get();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/income?period=year", "/api/aid?period=year", "/api/flows?period=total",
            "/api/balances?limit=1000", "/api/catalog?kind=money&limit=1000",
            "/api/explain?figure=income&section=SU&kind=dues&month=1923-03&currency=USD",
            "/api/income?period=year&convert=XRG"})
    void everyMoneyColumnOfACsvAnswerNamesItsCurrencyAndExponent(String path) {
        Http.Answer csv = Http.get(path + "&format=csv");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<List<String>> rows = read(csv.body());
        List<String> header = rows.get(0);
        List<String> money = header.stream().filter(c -> c.endsWith(".minor")).toList();
        assertThat(money).as("money columns of " + path).isNotEmpty();
        assertThat(rows).as("rows of " + path).hasSizeGreaterThan(1);
        int checked = 0;
        for (String column : money) {
            String prefix = column.substring(0, column.length() - ".minor".length());
            int minor = header.indexOf(column);
            int currency = header.indexOf(prefix + ".currency");
            int exponent = header.indexOf(prefix + ".exponent");
            int decimal = header.indexOf(prefix + ".decimal");
            assertThat(List.of(currency, exponent, decimal)).as(prefix + " in " + header).doesNotContain(-1);
            for (List<String> row : rows.subList(1, rows.size())) {
                if (row.get(minor) == null || row.get(minor).isEmpty()) {
                    continue;
                }
                int exp = Integer.parseInt(row.get(exponent));
                assertThat(exp).isEqualTo(Currency.of(row.get(currency)).minorDigits());
                assertThat(new BigDecimal(row.get(minor)).movePointLeft(exp))
                        .isEqualByComparingTo(new BigDecimal(row.get(decimal)));
                checked++;
            }
        }
        assertThat(checked).as("money cells checked in " + path).isPositive();
    }

    /** The trial balance is one row; its lists of amounts stay JSON in their cells, each amount with its unit. */
    @Test
    void theTrialBalanceAsCsvKeepsTheExponentInsideItsNestedAmounts() throws Exception {
        JsonNode json = Http.get("/api/trial-balance").json();
        List<List<String>> rows = read(Http.get("/api/trial-balance?format=csv").body());
        assertThat(rows.get(0)).contains("run", "balanced", "imbalances", "inTransit");
        JsonNode inTransit = new ObjectMapper().readTree(rows.get(1).get(rows.get(0).indexOf("inTransit")));
        assertThat(inTransit).hasSize(json.path("inTransit").size());
        assertThat(inTransit).allSatisfy(b -> assertThat(b.path("balance").path("exponent").asInt())
                .isEqualTo(Currency.of(b.path("balance").path("currency").asText()).minorDigits()));
        assertThat(json.path("balanced").asBoolean()).isTrue();
    }

    /** RFC 4180 as LedgerCsv writes it: quoted cells may hold commas, doubled quotes and line breaks. */
    public static List<List<String>> read(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (!row.isEmpty() || cell.length() > 0) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
