package org.mopr.ledger.projection.ensemble;

import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** The ensemble tables: the registry, its members, one band row per figure and one share per reconciliation line. */
public final class EnsembleStore {

    /** How many band rows one read returns at most: every figure of an ensemble is a few thousand. */
    public static final int MAX_BANDS = 20_000;

    public record EnsembleRow(String ensembleId, String scenario, long seed, int members, String vary,
                              String assumptions, String status, int membersDone, long events, Boolean totalsExact,
                              String totalsNote, String failure, String startedAt, String finishedAt) {
    }

    public record MemberRow(int member, String runId, long seed, long events, String fingerprint, boolean conserved) {
    }

    public record BandRow(String figure, String family, String origin, boolean modelled, String unit, String currency,
                          Integer exponent, long p5, long p50, long p95, long min, long max) {
    }

    private final JdbcTemplate jdbc;

    public EnsembleStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> idsLike(String base) {
        return jdbc.queryForList("SELECT ensemble_id FROM ensemble WHERE ensemble_id = ? OR ensemble_id LIKE ?",
                String.class, base, base + "-%");
    }

    public void started(String id, String scenario, long seed, int members, String vary, String assumptions) {
        jdbc.update("INSERT INTO ensemble (ensemble_id, scenario, seed, members, vary, assumptions, status) "
                + "VALUES (?, ?, ?, ?, ?, ?, 'RUNNING')", id, scenario, seed, members, vary, assumptions);
    }

    public void member(String id, MemberRow m) {
        members(id, List.of(m));
    }

    /**
     * Several members' rows and the ensemble's count of them in two statements; the caller holds a transaction
     * around it (the count and the rows are one fact).
     */
    public void members(String id, List<MemberRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO ensemble_member (ensemble_id, member, run_id, seed, events, fingerprint, conserved) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", rows.stream().map(m -> new Object[]{id, m.member(), m.runId(), m.seed(),
                m.events(), m.fingerprint(), m.conserved()}).toList());
        jdbc.update("UPDATE ensemble SET members_done = members_done + ?, events = events + ? WHERE ensemble_id = ?",
                rows.size(), rows.stream().mapToLong(MemberRow::events).sum(), id);
    }

    /** Writes the bands and shares of the first {@code done} members; the caller holds one transaction around it. */
    public void bands(String id, EnsembleFigures figures, int done, List<LineShares.Share> shares) {
        jdbc.update("DELETE FROM ensemble_band WHERE ensemble_id = ?", id);
        jdbc.update("DELETE FROM ensemble_line WHERE ensemble_id = ?", id);
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<String, FigureInfo> e : figures.infos().entrySet()) {
            long[] values = figures.values(e.getKey(), done);
            if (values.length == 0) {
                continue;
            }
            Band b = Band.of(values);
            FigureInfo i = e.getValue();
            rows.add(new Object[]{id, e.getKey(), i.family(), i.origin().name(), i.unit(), i.currency(), i.exponent(),
                    b.p5(), b.p50(), b.p95(), b.min(), b.max(), pack(values)});
            if (rows.size() == 1_000) {
                insertBands(rows);
                rows.clear();
            }
        }
        insertBands(rows);
        jdbc.batchUpdate("INSERT INTO ensemble_line (ensemble_id, claim_id, basis, holds, members, statuses) "
                + "VALUES (?, ?, ?, ?, ?, ?)", shares.stream().map(s -> new Object[]{id, s.claimId(), s.basis(), s.holds(),
                s.members(), s.statuses()}).toList());
    }

    private void insertBands(List<Object[]> rows) {
        jdbc.batchUpdate("INSERT INTO ensemble_band (ensemble_id, figure, family, origin, unit, currency, exponent, p5, p50,"
                + " p95, min_value, max_value, member_values) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    public void completed(String id, boolean totalsExact, String totalsNote) {
        jdbc.update("UPDATE ensemble SET status = 'COMPLETE', totals_exact = ?, totals_note = ?, finished_at = now() "
                + "WHERE ensemble_id = ?", totalsExact, totalsNote, id);
    }

    public void failed(String id, String reason, Boolean totalsExact, String totalsNote) {
        jdbc.update("UPDATE ensemble SET status = 'FAILED', failure = ?, totals_exact = ?, totals_note = ?, "
                + "finished_at = now() WHERE ensemble_id = ?", reason, totalsExact, totalsNote, id);
    }

    public List<EnsembleRow> list() {
        return jdbc.query("SELECT * FROM ensemble ORDER BY started_at DESC, ensemble_id LIMIT 1000", EnsembleStore::row);
    }

    public Optional<EnsembleRow> find(String id) {
        return jdbc.query("SELECT * FROM ensemble WHERE ensemble_id = ?", EnsembleStore::row, id).stream().findFirst();
    }

    public List<MemberRow> members(String id) {
        return jdbc.query("SELECT * FROM ensemble_member WHERE ensemble_id = ? ORDER BY member", (rs, i) -> new MemberRow(
                rs.getInt("member"), rs.getString("run_id"), rs.getLong("seed"), rs.getLong("events"),
                rs.getString("fingerprint"), rs.getBoolean("conserved")), id);
    }

    /** Bands of the figure and of everything under it ("aid/IT" gives aid/IT/XRG, aid/IT/XRG/1924, ...). */
    public List<BandRow> bands(String id, String figure) {
        String prefix = figure.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%";
        return jdbc.query("SELECT * FROM ensemble_band WHERE ensemble_id = ? AND (figure = ? OR figure LIKE ?) "
                + "ORDER BY figure LIMIT " + MAX_BANDS, (rs, i) -> band(rs), id, figure, prefix);
    }

    public List<LineShares.Share> lines(String id) {
        return jdbc.query("SELECT * FROM ensemble_line WHERE ensemble_id = ? ORDER BY claim_id", (rs, i) -> new LineShares.Share(
                rs.getString("claim_id"), rs.getString("basis"), rs.getInt("holds"), rs.getInt("members"),
                rs.getString("statuses")), id);
    }

    /** Every figure's band and member values, for comparing two ensembles. */
    public Map<String, long[]> memberValues(String id, String figure) {
        Map<String, long[]> out = new java.util.TreeMap<>();
        String prefix = figure.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%";
        jdbc.query("SELECT figure, member_values FROM ensemble_band WHERE ensemble_id = ? AND (? = '' OR figure = ? "
                + "OR figure LIKE ?) ORDER BY figure LIMIT " + MAX_BANDS, rs -> {
            out.put(rs.getString(1), unpack(rs.getBytes(2)));
        }, id, figure, figure, prefix);
        return out;
    }

    public List<BandRow> allBands(String id) {
        return jdbc.query("SELECT * FROM ensemble_band WHERE ensemble_id = ? ORDER BY figure LIMIT " + MAX_BANDS,
                (rs, i) -> band(rs), id);
    }

    private static BandRow band(ResultSet rs) throws SQLException {
        String origin = rs.getString("origin");
        return new BandRow(rs.getString("figure"), rs.getString("family"), origin, !"DOCUMENTED".equals(origin),
                rs.getString("unit"), rs.getString("currency"), (Integer) rs.getObject("exponent"), rs.getLong("p5"),
                rs.getLong("p50"), rs.getLong("p95"), rs.getLong("min_value"), rs.getLong("max_value"));
    }

    private static EnsembleRow row(ResultSet rs, int i) throws SQLException {
        return new EnsembleRow(rs.getString("ensemble_id"), rs.getString("scenario"), rs.getLong("seed"),
                rs.getInt("members"), rs.getString("vary"), rs.getString("assumptions"), rs.getString("status"),
                rs.getInt("members_done"), rs.getLong("events"), (Boolean) rs.getObject("totals_exact"),
                rs.getString("totals_note"), rs.getString("failure"), String.valueOf(rs.getTimestamp("started_at").toInstant()),
                rs.getTimestamp("finished_at") == null ? null : String.valueOf(rs.getTimestamp("finished_at").toInstant()));
    }

    static byte[] pack(long[] values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(values.length * 2 + 32);
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(values.length);
            for (long v : values) {
                out.writeLong(v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static long[] unpack(byte[] packed) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(packed)))) {
            long[] values = new long[in.readInt()];
            for (int i = 0; i < values.length; i++) {
                values[i] = in.readLong();
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
