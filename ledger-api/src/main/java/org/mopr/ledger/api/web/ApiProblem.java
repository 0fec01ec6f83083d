package org.mopr.ledger.api.web;

import org.springframework.http.HttpStatus;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A client's mistake or a missing resource, answered as an RFC 9457 problem. The {@code slug} becomes the problem's
 * {@code type} (a tag URI: an identifier a client can switch on, not a page to fetch) so a notebook can tell an
 * unknown run from a bad date without parsing English.
 */
public class ApiProblem extends RuntimeException {

    /** The namespace of problem types; tag URIs (RFC 4151) are the RFC 9457 advice for types that do not resolve. */
    public static final String TYPE_PREFIX = "tag:mopr-ledger,2025:problem:";

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private Duration retryAfter;

    public ApiProblem(HttpStatus status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** Members of the problem beside the standard ones (RFC 9457 extensions), for a program to read. */
    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    public ApiProblem with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** When the same request may succeed (a Retry-After header), for a problem that is temporary. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public ApiProblem retryAfter(Duration after) {
        this.retryAfter = after;
        return this;
    }

    public URI type() {
        return type(slug);
    }

    public static URI type(String slug) {
        return URI.create(TYPE_PREFIX + slug);
    }

    public static ApiProblem unknownRun(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "unknown-run", "Unknown run", detail);
    }

    public static ApiProblem unknownSection(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "unknown-section", "Unknown section", detail);
    }

    public static ApiProblem unknownClaim(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "unknown-claim", "Unknown claim", detail);
    }

    public static ApiProblem noFigure(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "no-figure", "No such figure", detail);
    }

    public static ApiProblem badDate(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "bad-date", "Bad date", detail);
    }

    public static ApiProblem badCurrency(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "bad-currency", "Bad currency", detail);
    }

    public static ApiProblem badPaging(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "bad-paging", "Paging out of range", detail);
    }

    public static ApiProblem badParameter(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", detail);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, "conflict", "Conflict with the store's state", detail);
    }
}
