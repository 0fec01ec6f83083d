package org.mopr.ledger.projection.section;

import org.mopr.ledger.money.Currency;
import org.mopr.ledger.projection.engine.BatchPart;
import org.mopr.ledger.projection.engine.Bind;
import org.mopr.ledger.projection.engine.ProjectedEvent;
import org.mopr.ledger.projection.engine.RowBatch;
import org.mopr.ledger.provenance.Origin;
import org.mopr.ledger.section.GoodsDonated;
import org.mopr.ledger.section.MembershipReported;
import org.mopr.ledger.section.SectionDissolved;
import org.mopr.ledger.section.SectionFounded;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.stream.Collectors;

/** Sections (founded, dissolved), their membership points, and the goods in kind they received. */
public final class SectionRows implements BatchPart {

    private record Founded(String runId, long globalIndex, SectionFounded event) {
    }

    private record Dissolved(String runId, long globalIndex, SectionDissolved event) {
    }

    private record Point(String runId, long globalIndex, MembershipReported event, String origin) {
    }

    private record Gift(String runId, long globalIndex, GoodsDonated event, String origin) {
    }

    private final RowBatch<Founded> founded = new RowBatch<>(
            "INSERT INTO proj_section (run_id, section_code, name, founded_text, founded_precision, founded_earliest, "
                    + "founded_latest, placed_on, placement, currencies, founded_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (ps, f) -> {
                SectionFounded e = f.event();
                Bind.text(ps, 1, f.runId());
                Bind.text(ps, 2, e.sectionId().code());
                Bind.text(ps, 3, e.name());
                Bind.historical(ps, 4, e.founded());
                Bind.date(ps, 8, e.placedOn());
                Bind.text(ps, 9, e.provenance() == null ? null : e.provenance().placement());
                Bind.text(ps, 10, e.currencies().stream().map(Currency::code).collect(Collectors.joining(",")));
                ps.setLong(11, f.globalIndex());
            });

    /** Runs after the inserts of the same batch, so a section founded and dissolved in one batch is found. */
    private final RowBatch<Dissolved> dissolved = new RowBatch<>(
            "UPDATE proj_section SET dissolved_on = ?, dissolution_reason = ?, dissolved_index = ? "
                    + "WHERE run_id = ? AND section_code = ?",
            (ps, d) -> {
                Bind.date(ps, 1, d.event().on());
                Bind.text(ps, 2, d.event().reason().name());
                ps.setLong(3, d.globalIndex());
                Bind.text(ps, 4, d.runId());
                Bind.text(ps, 5, d.event().sectionId().code());
            });

    private final RowBatch<Point> points = new RowBatch<>(
            "INSERT INTO proj_membership (run_id, global_index, section_code, as_of, members, kind, origin) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (ps, p) -> {
                Bind.text(ps, 1, p.runId());
                ps.setLong(2, p.globalIndex());
                Bind.text(ps, 3, p.event().sectionId().code());
                Bind.date(ps, 4, p.event().asOf());
                ps.setLong(5, p.event().members());
                Bind.text(ps, 6, MembershipKind.of(p.origin()).name());
                Bind.text(ps, 7, p.origin());
            });

    private final RowBatch<Gift> gifts = new RowBatch<>(
            "INSERT INTO proj_goods (run_id, global_index, section_code, received_on, donor, goods, unit, quantity, origin) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (ps, g) -> {
                GoodsDonated e = g.event();
                Bind.text(ps, 1, g.runId());
                ps.setLong(2, g.globalIndex());
                Bind.text(ps, 3, e.sectionId().code());
                Bind.date(ps, 4, e.receivedOn());
                Bind.text(ps, 5, e.donor());
                Bind.text(ps, 6, e.goods());
                Bind.text(ps, 7, e.quantity().unit().code());
                ps.setLong(8, e.quantity().amount());
                Bind.text(ps, 9, g.origin());
            });

    @Override
    public void add(ProjectedEvent event) {
        Object p = event.payload();
        if (p instanceof SectionFounded e) {
            founded.add(new Founded(event.runId(), event.globalIndex(), e));
        } else if (p instanceof SectionDissolved e) {
            dissolved.add(new Dissolved(event.runId(), event.globalIndex(), e));
        } else if (p instanceof MembershipReported e) {
            // A membership point without provenance cannot say whether it is a census; the domain refuses those.
            points.add(new Point(event.runId(), event.globalIndex(), e,
                    event.origin() == null ? Origin.SIMULATED.name() : event.origin()));
        } else if (p instanceof GoodsDonated e) {
            gifts.add(new Gift(event.runId(), event.globalIndex(), e, event.origin()));
        }
    }

    @Override
    public void flush(JdbcTemplate jdbc) {
        founded.flush(jdbc);
        dissolved.flushUpdates(jdbc, d -> "dissolution of section " + d.event().sectionId() + " (event #"
                + d.globalIndex() + ")");
        points.flush(jdbc);
        gifts.flush(jdbc);
    }
}
