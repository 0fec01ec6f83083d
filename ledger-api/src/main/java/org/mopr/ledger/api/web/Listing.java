package org.mopr.ledger.api.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.mopr.ledger.projection.query.Page;

import java.util.List;
import java.util.Map;

/**
 * A page of a list: the run it is about (null for lists that belong to no run), a summary of the whole list where
 * one helps (counts by status, how many sections), the items, and how to ask for the next page. As CSV only the
 * items are written, one row each.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Listing<T>(String run, Map<String, Object> summary, List<T> items, int limit, int offset, boolean hasMore)
        implements CsvRows {

    public static <T> Listing<T> of(String run, Page<T> page) {
        return new Listing<>(run, null, page.items(), page.limit(), page.offset(), page.hasMore());
    }

    public static <T> Listing<T> of(String run, Map<String, Object> summary, Page<T> page) {
        return new Listing<>(run, summary, page.items(), page.limit(), page.offset(), page.hasMore());
    }

    @Override
    @JsonIgnore
    public List<?> csvRows() {
        return items;
    }
}
