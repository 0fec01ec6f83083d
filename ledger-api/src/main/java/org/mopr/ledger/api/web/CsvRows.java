package org.mopr.ledger.api.web;

import java.util.List;

/** A response whose CSV form is a list of rows (a listing's items, an explanation's events) rather than itself. */
public interface CsvRows {

    List<?> csvRows();
}
