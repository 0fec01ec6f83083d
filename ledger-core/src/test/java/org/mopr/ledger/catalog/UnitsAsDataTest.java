package org.mopr.ledger.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mopr.ledger.money.GoodsUnit;
import org.mopr.ledger.money.Quantity;
import org.mopr.ledger.money.Units;
import org.mopr.ledger.shared.DomainException;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Goods units are data, as currencies are: {@code money/goods.yaml} ships them with their kind, size and precision,
 * and a source folder's {@code units.yaml} declares more, which its claims may then count in. The sources here are
 * invented test fixtures, not historical documents.
 */
class UnitsAsDataTest {

    private static final String TEXT = "INVENTED TEST FIXTURE - NOT A HISTORICAL DOCUMENT\n\n"
            + "In the winter of 1928 the Swiss groups sent 12 berkovets of grain to the families of prisoners.\n";

    private static String claims(String unit, String amount) {
        return """
                # INVENTED TEST FIXTURE: not a historical source.
                seed: 970_swiss-grain.txt
                title: Invented report of Swiss gifts (test fixture)
                claims:
                - id: c970.ch-grain-1928
                  subject: region:Switzerland
                  kind: GOODS
                  statement: In winter 1928 the Swiss groups sent 12 berkovets of grain (invented).
                  value: {type: EXACT, amount: %s}
                  unit: %s
                  commodity: grain
                  date: '1928'
                  precision: YEAR
                  scope: SECTION:CH
                  source: 970_swiss-grain.txt
                  quote: the Swiss groups sent 12 berkovets of grain
                  confidence: LOW
                """.formatted(amount, unit);
    }

    private static Path source(Path dir, String name, String units, String claims) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("970_swiss-grain.txt"), TEXT);
        Files.writeString(folder.resolve("970_swiss-grain.yaml"), claims);
        if (units != null) {
            Files.writeString(folder.resolve("units.yaml"), units);
        }
        return folder;
    }

    @Test
    void theShippedGoodsUnitsCarryKindSizeAndPrecision() {
        assertThat(GoodsUnit.known()).contains("POOD", "KILOGRAM", "LOT", "TONNE");
        assertThat(GoodsUnit.POOD.kind()).isEqualTo(Units.Kind.MASS);
        assertThat(GoodsUnit.POOD.size()).isEqualByComparingTo("16.380496");
        assertThat(GoodsUnit.LOT.kind()).isEqualTo(Units.Kind.COUNT);
        assertThat(GoodsUnit.LOT.size()).isNull();
        // A tonne keeps three decimals: 1.25 t is held as 1250 minor units, printed back as written.
        Quantity q = Quantity.parse(new BigDecimal("1.25"), GoodsUnit.of("TONNE"));
        assertThat(q.amount()).isEqualTo(1250);
        assertThat(q).hasToString("1.250 t");
        assertThatThrownBy(() -> Quantity.parse(new BigDecimal("2.5"), GoodsUnit.POOD))
                .hasMessage("quantity 2.5 has more decimals than the unit POOD keeps (0)");
        assertThatThrownBy(() -> GoodsUnit.of("PUD")).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("unknown goods unit 'PUD': known are [");
    }

    @Test
    void aSourceFolderDeclaresAUnitItsClaimsCountIn(@TempDir Path dir) throws IOException {
        Path folder = source(dir, "ok", """
                # Invented fixture's units.
                goods:
                  - {code: BERKOVETS, symbol: berkovets, kind: mass, kilograms: "163.80496", minorDigits: 0, name: ten poods}
                currencies:
                  - {code: NLG, minorDigits: 2, name: Dutch guilder, as shipped}
                """, claims("BERKOVETS", "12"));
        Catalog catalog = Catalog.load(List.of(folder));
        Claim grain = catalog.get("c970.ch-grain-1928");
        assertThat(grain.quantity()).isEqualTo(new Quantity(12, GoodsUnit.of("BERKOVETS")));
        assertThat(grain.goodsUnit().kind()).isEqualTo(Units.Kind.MASS);
        // Goods never mix units, as money never mixes currencies.
        assertThatThrownBy(() -> grain.quantity().plus(new Quantity(1, GoodsUnit.POOD)))
                .hasMessage("cannot add 1 pood to 12 berkovets: units differ");
    }

    @Test
    void aClaimInAnUndeclaredUnitIsRefusedNamingFileLineAndClaim(@TempDir Path dir) throws IOException {
        Path folder = source(dir, "undeclared", null, claims("QUINTAL", "12"));
        assertThatThrownBy(() -> Catalog.load(List.of(folder)))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining(folder.resolve("970_swiss-grain.yaml") + ":5: claim c970.ch-grain-1928: unknown goods"
                        + " unit 'QUINTAL': known are [");
        Path fraction = source(dir, "fraction", null, claims("POOD", "12.5"));
        assertThatThrownBy(() -> Catalog.load(List.of(fraction)))
                .hasMessageContaining(":5: claim c970.ch-grain-1928: quantity 12.5 has more decimals than the unit POOD keeps (0)");
    }

    @Test
    void eachMistakeInAUnitsFileNamesTheFileAndLineAndDeclaresNothing(@TempDir Path dir) throws IOException {
        String claims = claims("POOD", "12");
        expect(source(dir, "kind", "goods:\n  - {code: SACK_A, symbol: sack, kind: weight, minorDigits: 0}\n", claims),
                ":2: unit SACK_A: kind must be mass, volume or count, was 'weight'");
        expect(source(dir, "size", "goods:\n  - {code: SACK_B, symbol: sack, kind: mass, minorDigits: 0}\n", claims),
                ":2: unit SACK_B: a mass unit needs 'kilograms', its size as a decimal in quotes");
        expect(source(dir, "pood", "goods:\n  - {code: SACK_C, symbol: s, kind: count, minorDigits: 0}\n"
                        + "  - {code: POOD, symbol: pood, kind: mass, kilograms: \"16\", minorDigits: 0}\n", claims),
                ":3: unit POOD: is already declared as mass 'pood', 0 minor digits, size 16.380496: one code is one unit");
        expect(source(dir, "digits", "currencies:\n  - {code: USD, minorDigits: 3}\n", claims),
                ":2: unit USD: is already declared with 2 minor digits: one code is one unit");
        expect(source(dir, "key", "currencies: []\ncolour: red\n", claims), ":2: unknown key 'colour'; known keys here:"
                + " currencies, goods");
        expect(source(dir, "yaml", "goods:\n  - {code: X\n", claims), ":2: not valid YAML: while parsing a flow mapping");
        // The file that failed on its second entry declared nothing, not even its first.
        assertThat(GoodsUnit.known()).doesNotContain("SACK_C");
    }

    private static void expect(Path folder, String message) {
        assertThatThrownBy(() -> Catalog.load(List.of(folder)))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining(folder.resolve("units.yaml") + message);
    }
}
