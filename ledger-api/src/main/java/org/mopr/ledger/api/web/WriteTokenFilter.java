package org.mopr.ledger.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;

/**
 * Reads are open; writes (start a run, delete a run) need {@code Authorization: Bearer <token>} with the token set at
 * start-up ({@code mopr.api.token}, or the environment variable {@code MOPR_API_TOKEN}). Without a configured token
 * writes are disabled (403), so a server started casually on a classroom network cannot be emptied by a pupil.
 * The token is held only as its SHA-256 digest and never written to a log or a response; comparing digests with
 * {@link MessageDigest#isEqual} takes the same time whatever prefix of the token a guess gets right.
 */
public class WriteTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(WriteTokenFilter.class);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String BEARER = "Bearer ";
    /** Shorter tokens can be guessed over a weekend of requests. */
    static final int RECOMMENDED_LENGTH = 16;

    private final byte[] digest;

    public WriteTokenFilter(String token) {
        if (token == null || token.isBlank()) {
            this.digest = null;
            log.info("no API token configured (mopr.api.token / MOPR_API_TOKEN): writes under /api are disabled");
        } else {
            this.digest = sha256(token.strip());
            if (token.strip().length() < RECOMMENDED_LENGTH) {
                log.warn("the configured API token is shorter than {} characters; use a longer one", RECOMMENDED_LENGTH);
            }
        }
    }

    public boolean writesEnabled() {
        return digest != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (READS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        if (digest == null) {
            ProblemWriter.write(request, response, 403, "writes-disabled", "Writes are disabled",
                    "this server was started without an API token; set MOPR_API_TOKEN (or mopr.api.token) to allow "
                            + "starting and deleting runs");
            return;
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"mopr-ledger\"");
            ProblemWriter.write(request, response, 401, "unauthorized", "Token required",
                    "writes need the header 'Authorization: Bearer <token>' with the token the server was started with");
            return;
        }
        byte[] given = sha256(header.substring(BEARER.length()).strip());
        if (!MessageDigest.isEqual(given, digest)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"mopr-ledger\", error=\"invalid_token\"");
            ProblemWriter.write(request, response, 401, "unauthorized", "Wrong token",
                    "the bearer token is not the one this server was started with");
            return;
        }
        chain.doFilter(request, response);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "WriteTokenFilter[writes " + (writesEnabled() ? "need a token" : "disabled") + "]";
    }
}
