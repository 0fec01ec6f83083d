package org.mopr.ledger.projection.patronage;

import org.mopr.ledger.patronage.PatronageEnded;
import org.mopr.ledger.patronage.PrisonerPatronized;
import org.mopr.ledger.projection.engine.BatchPart;
import org.mopr.ledger.projection.engine.Bind;
import org.mopr.ledger.projection.engine.ProjectedEvent;
import org.mopr.ledger.projection.engine.RowBatch;
import org.springframework.jdbc.core.JdbcTemplate;

/** Patronage links: a city's collective and the country whose prisoners it patronizes, from when until when. */
public final class PatronageRows implements BatchPart {

    private record Established(String runId, long globalIndex, PrisonerPatronized event) {
    }

    private record Ended(String runId, long globalIndex, PatronageEnded event) {
    }

    private final RowBatch<Established> established = new RowBatch<>(
            "INSERT INTO proj_patronage (run_id, city_key, prison_country, city_name, period_text, period_precision, "
                    + "period_earliest, period_latest, placed_on, established_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (ps, e) -> {
                PrisonerPatronized p = e.event();
                Bind.text(ps, 1, e.runId());
                Bind.text(ps, 2, p.patronageId().city());
                Bind.text(ps, 3, p.patronageId().prisonCountry());
                Bind.text(ps, 4, p.cityName());
                Bind.historical(ps, 5, p.period());
                Bind.date(ps, 9, p.placedOn());
                ps.setLong(10, e.globalIndex());
            });

    /** After the inserts of the same batch, so a link established and ended in one batch is found. */
    private final RowBatch<Ended> ended = new RowBatch<>(
            "UPDATE proj_patronage SET ended_on = ?, ended_index = ? WHERE run_id = ? AND city_key = ? AND prison_country = ?",
            (ps, e) -> {
                Bind.date(ps, 1, e.event().on());
                ps.setLong(2, e.globalIndex());
                Bind.text(ps, 3, e.runId());
                Bind.text(ps, 4, e.event().patronageId().city());
                Bind.text(ps, 5, e.event().patronageId().prisonCountry());
            });

    @Override
    public void add(ProjectedEvent event) {
        if (event.payload() instanceof PrisonerPatronized e) {
            established.add(new Established(event.runId(), event.globalIndex(), e));
        } else if (event.payload() instanceof PatronageEnded e) {
            ended.add(new Ended(event.runId(), event.globalIndex(), e));
        }
    }

    @Override
    public void flush(JdbcTemplate jdbc) {
        established.flush(jdbc);
        ended.flushUpdates(jdbc, e -> "end of patronage " + e.event().patronageId() + " (event #" + e.globalIndex() + ")");
    }
}
