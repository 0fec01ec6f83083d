package org.mopr.ledger.projection.rates;

import org.mopr.ledger.projection.engine.BatchPart;
import org.mopr.ledger.projection.engine.Bind;
import org.mopr.ledger.projection.engine.ProjectedEvent;
import org.mopr.ledger.projection.engine.RowBatch;
import org.mopr.ledger.rates.ExchangeRateDeclared;
import org.springframework.jdbc.core.JdbcTemplate;

/** The run's declared exchange rates, the only rates a conversion may use. */
public final class RateRows implements BatchPart {

    private record Rate(String runId, long globalIndex, ExchangeRateDeclared event) {
    }

    private final RowBatch<Rate> rates = new RowBatch<>(
            "INSERT INTO proj_exchange_rate (run_id, global_index, rate_table, from_currency, to_currency, valid_from, "
                    + "valid_to, numerator, denominator, citation, assumption) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (ps, r) -> {
                ExchangeRateDeclared e = r.event();
                Bind.text(ps, 1, r.runId());
                ps.setLong(2, r.globalIndex());
                Bind.text(ps, 3, e.table());
                Bind.text(ps, 4, e.from().code());
                Bind.text(ps, 5, e.to().code());
                Bind.date(ps, 6, e.validFrom());
                Bind.date(ps, 7, e.validTo());
                ps.setLong(8, e.numerator());
                ps.setLong(9, e.denominator());
                Bind.text(ps, 10, e.citation());
                ps.setBoolean(11, e.assumption());
            });

    @Override
    public void add(ProjectedEvent event) {
        if (event.payload() instanceof ExchangeRateDeclared e) {
            rates.add(new Rate(event.runId(), event.globalIndex(), e));
        }
    }

    @Override
    public void flush(JdbcTemplate jdbc) {
        rates.flush(jdbc);
    }
}
