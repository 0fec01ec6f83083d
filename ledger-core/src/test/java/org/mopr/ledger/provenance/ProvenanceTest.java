package org.mopr.ledger.provenance;

import org.junit.jupiter.api.Test;
import org.mopr.ledger.shared.DomainException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProvenanceTest {

    @Test
    void documentedNamesItsClaims() {
        Provenance p = Provenance.documented("claim-0001", "claim-0002");
        assertThat(p.origin()).isEqualTo(Origin.DOCUMENTED);
        assertThat(p.claims()).containsExactly("claim-0001", "claim-0002");
        assertThat(p.rule()).isNull();
        assertThat(p.seed()).isNull();
        assertThat(p.parameters()).isEmpty();
    }

    @Test
    void documentedWithoutClaimsIsRefused() {
        assertThatThrownBy(Provenance::documented)
                .isInstanceOf(DomainException.class)
                .hasMessage("a DOCUMENTED event must name the claims it rests on");
        assertThatThrownBy(() -> new Provenance(Origin.DOCUMENTED, null, null, null, null, null))
                .isInstanceOf(DomainException.class)
                .hasMessage("a DOCUMENTED event must name the claims it rests on");
    }

    @Test
    void derivedNamesItsClaimsAndRule() {
        Provenance p = Provenance.derived("USSR share = total minus outside-USSR", "claim-0003", "claim-0004");
        assertThat(p.origin()).isEqualTo(Origin.DERIVED);
        assertThat(p.rule()).isEqualTo("USSR share = total minus outside-USSR");
        assertThat(p.claims()).containsExactly("claim-0003", "claim-0004");
    }

    @Test
    void derivedWithoutRuleOrClaimsIsRefused() {
        String message = "a DERIVED event must name its claims and its rule";
        assertThatThrownBy(() -> Provenance.derived("total minus the rest"))
                .isInstanceOf(DomainException.class).hasMessage(message);
        assertThatThrownBy(() -> Provenance.derived(null, "claim-0003"))
                .isInstanceOf(DomainException.class).hasMessage(message);
        assertThatThrownBy(() -> Provenance.derived("  ", "claim-0003"))
                .isInstanceOf(DomainException.class).hasMessage(message);
    }

    @Test
    void simulatedNamesModelParametersAndSeed() {
        Provenance p = Provenance.simulated("dues-by-month", Map.of("months", "9"), 42L, "claim-0005");
        assertThat(p.origin()).isEqualTo(Origin.SIMULATED);
        assertThat(p.rule()).isEqualTo("dues-by-month");
        assertThat(p.parameters()).containsExactly(Map.entry("months", "9"));
        assertThat(p.seed()).isEqualTo(42L);
        assertThat(p.claims()).containsExactly("claim-0005");
    }

    @Test
    void simulatedMayRestOnNoClaimButNeedsModelAndSeed() {
        assertThat(Provenance.simulated("what-if", null, 7L).claims()).isEmpty();
        String message = "a SIMULATED event must name its model and seed";
        assertThatThrownBy(() -> new Provenance(Origin.SIMULATED, List.of(), "dues-by-month", Map.of(), null, null))
                .isInstanceOf(DomainException.class).hasMessage(message);
        assertThatThrownBy(() -> Provenance.simulated(" ", Map.of(), 7L))
                .isInstanceOf(DomainException.class).hasMessage(message);
        assertThatThrownBy(() -> Provenance.simulated(null, Map.of(), 7L))
                .isInstanceOf(DomainException.class).hasMessage(message);
    }

    @Test
    void originIsRequired() {
        assertThatThrownBy(() -> new Provenance(null, List.of("claim-0001"), null, null, null, null))
                .isInstanceOf(DomainException.class)
                .hasMessage("provenance without origin");
    }

    @Test
    void parametersAreSortedSoFingerprintsAreStable() {
        Map<String, String> unordered = new HashMap<>();
        unordered.put("zeta", "1");
        unordered.put("alpha", "2");
        unordered.put("mu", "3");
        Provenance p = Provenance.simulated("model", unordered, 1L);
        assertThat(p.parameters().keySet()).containsExactly("alpha", "mu", "zeta");
    }

    @Test
    void laterChangesToTheCallersCollectionsDoNotReachTheProvenance() {
        List<String> claims = new ArrayList<>(List.of("claim-0001"));
        Map<String, String> parameters = new HashMap<>(Map.of("months", "9"));
        Provenance p = new Provenance(Origin.SIMULATED, claims, "model", parameters, 1L, null);
        claims.add("claim-0002");
        parameters.put("months", "12");
        assertThat(p.claims()).containsExactly("claim-0001");
        assertThat(p.parameters()).containsExactly(Map.entry("months", "9"));
    }

    @Test
    void anEventsProvenanceCannotBeChangedThroughItsAccessors() {
        Provenance p = Provenance.simulated("model", Map.of("months", "9"), 1L, "claim-0001");
        assertThatThrownBy(() -> p.claims().add("claim-0002")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> p.parameters().put("months", "12")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(p.parameters()).containsExactly(Map.entry("months", "9"));
    }

    @Test
    void placedByKeepsEverythingElse() {
        Provenance p = Provenance.simulated("model", Map.of("k", "v"), 3L, "claim-0001");
        Provenance placed = p.placedBy("middle");
        assertThat(placed.placement()).isEqualTo("middle");
        assertThat(placed).isEqualTo(new Provenance(Origin.SIMULATED, List.of("claim-0001"), "model", Map.of("k", "v"),
                3L, "middle"));
        assertThat(p.placement()).isNull();
    }

    @Test
    void equalProvenancesAreEqualWhateverMapTheyCameFrom() {
        Map<String, String> hash = new HashMap<>(Map.of("b", "2", "a", "1"));
        assertThat(Provenance.simulated("m", hash, 1L)).isEqualTo(Provenance.simulated("m", Map.of("a", "1", "b", "2"), 1L));
        assertThat(Provenance.documented("claim-0001")).isNotEqualTo(Provenance.documented("claim-0002"));
    }
}
