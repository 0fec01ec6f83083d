package org.mopr.ledger.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Bounds what a request may carry before anything reads it: a query string of at most {@code maxQueryChars} (every
 * parameter of the API is short) and a body of at most {@code maxBodyBytes} with a declared length (the only body
 * is a run request of a few dozen bytes). A body without Content-Length is refused rather than read to its end.
 * Headers are bounded by the server itself ({@code server.max-http-request-header-size}).
 */
public class RequestLimitsFilter extends OncePerRequestFilter {

    private final long maxBodyBytes;
    private final int maxQueryChars;

    public RequestLimitsFilter(long maxBodyBytes, int maxQueryChars) {
        if (maxBodyBytes < 1 || maxQueryChars < 1) {
            throw new IllegalArgumentException("mopr.api.max-body-bytes and mopr.api.max-query-chars must be positive");
        }
        this.maxBodyBytes = maxBodyBytes;
        this.maxQueryChars = maxQueryChars;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && query.length() > maxQueryChars) {
            ProblemWriter.write(request, response, 414, "too-large", "Query too long",
                    "the query string has " + query.length() + " characters; at most " + maxQueryChars + " are accepted");
            return;
        }
        long length = request.getContentLengthLong();
        if (length > maxBodyBytes) {
            ProblemWriter.write(request, response, 413, "too-large", "Body too large",
                    "the body has " + length + " bytes; at most " + maxBodyBytes + " are accepted");
            return;
        }
        if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
            ProblemWriter.write(request, response, 411, "length-required", "Length required",
                    "send the body with a Content-Length of at most " + maxBodyBytes + " bytes");
            return;
        }
        chain.doFilter(request, response);
    }
}
