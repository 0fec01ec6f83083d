package org.mopr.ledger.projection.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs a list query with LIMIT/OFFSET appended, fetching one row more than asked to know if more follow. */
public final class Paged {

    private Paged() {
    }

    public static <T> Page<T> query(JdbcTemplate jdbc, String sql, RowMapper<T> mapper, PageRequest page, Object... args) {
        List<Object> all = new ArrayList<>(Arrays.asList(args));
        all.add(page.limit() + 1);
        all.add(page.offset());
        return Page.of(jdbc.query(sql + " LIMIT ? OFFSET ?", mapper, all.toArray()), page);
    }
}
