package org.mopr.ledger.simulation.compiler;

import org.mopr.ledger.catalog.Claim;
import org.mopr.ledger.catalog.ClaimKind;
import org.mopr.ledger.catalog.Subject;
import org.mopr.ledger.fund.AidPurpose;
import org.mopr.ledger.fund.FundId;
import org.mopr.ledger.fund.SendFundAid;
import org.mopr.ledger.money.Money;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.simulation.allocation.LargestRemainder;
import org.mopr.ledger.simulation.scenario.Scenario;
import org.mopr.ledger.simulation.scenario.Settings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the central fund's aid goes. The sources say "to aid the prisoners of bourgeois prisons" without
 * countries, so the scenario spreads each sum over the countries whose prisoners Soviet collectives are
 * documented to have patronized ("aid-countries"); a banned section's prisoners get {@code aidShift} times
 * their share from the ban on.
 */
final class AidRules {

    private AidRules() {
    }

    /** The patronized countries, in catalog order. */
    static List<String> patronizedCountries(CompileContext ctx) {
        Set<String> countries = new LinkedHashSet<>();
        for (Claim c : ctx.catalog.claims()) {
            if (c.kind() == ClaimKind.LINK && c.inScope() && ctx.rules.books("patronage", c)) {
                c.link().targets().stream().filter(t -> t.type() == Subject.Type.COUNTRY)
                        .forEach(t -> countries.add(t.name()));
            }
        }
        return new ArrayList<>(countries);
    }

    static void toCountries(CompileContext ctx, LocalDate day, Money amount, List<String> countries, String seedKey,
                            String... claims) {
        Settings.AllocationRule rule = ctx.settings.allocation("aid-countries");
        long[] weights = rule.model().weights(countries.size(), rule.sigma(), ctx.subSeed(seedKey + "/countries"));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("model", rule.model().id());
        parameters.put("sigma", String.valueOf(rule.sigma()));
        parameters.put("countries", String.join(",", countries));
        for (Scenario.Ban ban : ctx.settings.bans()) {
            int i = countries.indexOf(ban.section());
            if (i >= 0 && !day.isBefore(ban.from())) {
                double shift = ban.aidShift() == null ? 2.0 : ban.aidShift();
                weights[i] = Math.round(weights[i] * shift);
                parameters.put("ban:" + ban.section(), "from " + ban.from() + ", weight x" + shift);
            }
        }
        long[] parts = LargestRemainder.split(amount.minor(), weights);
        Provenance provenance = ctx.simulated("aid-countries", parameters, claims);
        for (int i = 0; i < countries.size(); i++) {
            if (parts[i] == 0) {
                continue;
            }
            String country = countries.get(i);
            Money part = new Money(parts[i], amount.currency());
            ctx.plan.add(day, Plan.Stage.AID, run -> new SendFundAid(FundId.central(run), day, country,
                    AidPurpose.UNSPECIFIED, part, false, provenance));
        }
    }
}
