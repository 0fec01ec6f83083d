package org.mopr.ledger.api.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.mopr.ledger.money.Money;

import java.io.IOException;

/**
 * Money in API responses: minor units, currency and the currency's minor-unit exponent for programs, and the decimal
 * string for people ({@code {"minor":4826500,"currency":"USD","exponent":2,"decimal":"48265.00"}}). As CSV the same
 * object becomes the columns {@code amount.minor, amount.currency, amount.exponent, amount.decimal}, so every money
 * cell names its unit on its own row, as the export's tables do with their {@code currency} column. Only the API's mapper gets this module; the
 * event store's JSON (LedgerJson) is hashed into fingerprints and must not change.
 */
public final class MoneyJson extends SimpleModule {

    /** Money as this module writes it, for the OpenAPI description (which would otherwise read Money's getters). */
    @Schema(name = "Money", description = "An amount: minor units of the currency, whose minor-unit exponent is given, "
            + "and the decimal string (minor / 10^exponent)")
    public record MoneyView(@Schema(example = "4826500") long minor, @Schema(example = "USD") String currency,
                            @Schema(example = "2") int exponent, @Schema(example = "48265.00") String decimal) {
    }

    public MoneyJson() {
        super("mopr-money");
        addSerializer(Money.class, new StdSerializer<>(Money.class) {
            @Override
            public void serialize(Money money, JsonGenerator json, SerializerProvider provider) throws IOException {
                json.writeStartObject();
                json.writeNumberField("minor", money.minor());
                json.writeStringField("currency", money.currency().code());
                json.writeNumberField("exponent", money.currency().minorDigits());
                json.writeStringField("decimal", money.toDecimalString());
                json.writeEndObject();
            }
        });
    }
}
