package org.mopr.ledger.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mopr.ledger.money.Money;
import org.springframework.mock.http.MockHttpOutputMessage;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CsvMessageConverterTest {

    record Row(String name, Money amount, List<String> tags, Map<String, Object> extra) {
    }

    private static String write(Object body) throws Exception {
        MockHttpOutputMessage out = new MockHttpOutputMessage();
        new CsvMessageConverter(new ObjectMapper().registerModule(new MoneyJson())).write(body, CsvMessageConverter.TEXT_CSV, out);
        return out.getBodyAsString(StandardCharsets.UTF_8);
    }

    @Test
    void rowsAreFlattenedQuotedAndShareOneHeader() throws Exception {
        Listing<Row> listing = new Listing<>("r", null, List.of(
                new Row("plain", Money.of(4_826_500, "USD"), List.of("a", "b"), Map.of()),
                new Row("with, comma and \"quotes\"\nand a line", null, List.of(), Map.of("late", 1))), 10, 0, false);
        String csv = write(listing);
        assertThat(csv).isEqualTo("name,amount.minor,amount.currency,amount.exponent,amount.decimal,tags,amount,extra.late\r\n"
                + "plain,4826500,USD,2,48265.00,a; b,,\r\n"
                + "\"with, comma and \"\"quotes\"\"\nand a line\",,,,,,,1\r\n");
    }

    @Test
    void aSingleObjectIsOneRowAndListsOfObjectsStayJson() throws Exception {
        String csv = write(Map.of("rows", List.of(Map.of("a", 1))));
        assertThat(csv).isEqualTo("rows\r\n\"[{\"\"a\"\":1}]\"\r\n");
    }
}
