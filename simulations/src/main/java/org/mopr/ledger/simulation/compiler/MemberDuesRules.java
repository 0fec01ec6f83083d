package org.mopr.ledger.simulation.compiler;

import org.mopr.ledger.money.Money;
import org.mopr.ledger.provenance.Provenance;
import org.mopr.ledger.section.CollectDues;
import org.mopr.ledger.section.DuesLine;
import org.mopr.ledger.section.SectionId;
import org.mopr.ledger.simulation.allocation.LargestRemainder;
import org.mopr.ledger.simulation.scenario.Settings;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Member-level dues for scale: every monthly collection of the section-level record is spread over members,
 * one dues event per member, so the documented totals still sum back exactly at the section level. The size
 * knob (members.events) is shared among the collections in proportion to their amounts; a collection never
 * gets more payers than it has minor units, since no member pays nothing. Lines are made lazily, a batch at
 * a time, so a hundred million events never sit in memory.
 */
final class MemberDuesRules {

    static final String MODEL = "member-dues";

    private MemberDuesRules() {
    }

    static CompiledScenario compile(CompileContext ctx) {
        List<CompileContext.Collection> collections = ctx.collections;
        long[] weights = collections.stream().mapToLong(c -> c.amount().minor()).toArray();
        long[] payers = collections.isEmpty() ? new long[0] : LargestRemainder.split(ctx.settings.memberEvents(), weights);
        int perBatch = ctx.settings.perBatch();
        for (int i = 0; i < collections.size(); i++) {
            CompileContext.Collection c = collections.get(i);
            long lines = Math.max(1, Math.min(payers[i], c.amount().minor()));
            long batches = (lines + perBatch - 1) / perBatch;
            Map<String, String> parameters = new LinkedHashMap<>(c.provenance().parameters());
            parameters.put("payers", String.valueOf(lines));
            parameters.put("member-dues", ctx.settings.allocation("member-dues").model().id());
            Provenance provenance = ctx.simulated(MODEL, parameters, c.provenance().claims().toArray(String[]::new));
            int index = i;
            ctx.plan.addLazily(c.day(), Plan.Stage.INCOME, batches,
                    run -> batches(new SectionId(run, c.section()), c, lines, perBatch, provenance, ctx.subSeed("members/" + index),
                            ctx.settings.allocation("member-dues")));
        }
        Plan plan = ctx.plan;
        return new CompiledScenario(ctx.settings, ctx.source, plan, List.copyOf(ctx.omissions), plan.size(), plan::commands);
    }

    /**
     * The month's amount is split over its payers in blocks: each block's share of the total is fixed first
     * (largest remainder over block sizes), then split within the block by the "member-dues" model, so memory stays one batch.
     */
    private static Iterator<Object> batches(SectionId section, CompileContext.Collection c, long lines, int perBatch,
                                            Provenance provenance, long seed, Settings.AllocationRule rule) {
        long blocks = (lines + perBatch - 1) / perBatch;
        return new Iterator<>() {
            private long block;
            private long assigned;

            @Override
            public boolean hasNext() {
                return block < blocks;
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                long first = block * perBatch;
                int size = (int) Math.min(perBatch, lines - first);
                // The block's amount: its proportional share, the last block taking what is left.
                long blockAmount = block == blocks - 1 ? c.amount().minor() - assigned
                        : java.math.BigInteger.valueOf(c.amount().minor()).multiply(java.math.BigInteger.valueOf(first + size))
                        .divide(java.math.BigInteger.valueOf(lines)).longValueExact() - assigned;
                assigned += blockAmount;
                long[] shares = LargestRemainder.split(blockAmount - size, rule.model().weights(size, rule.sigma(), seed + block));
                List<DuesLine> lines = new ArrayList<>(size);
                for (int k = 0; k < size; k++) {
                    // Every member pays at least one minor unit; the rest is spread by the model.
                    lines.add(new DuesLine(c.day(), section.code() + "-member-" + (first + k + 1),
                            new Money(shares[k] + 1, c.amount().currency())));
                }
                block++;
                return new CollectDues(section, lines, provenance);
            }
        };
    }
}
