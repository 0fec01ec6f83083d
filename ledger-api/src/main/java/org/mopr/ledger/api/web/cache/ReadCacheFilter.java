package org.mopr.ledger.api.web.cache;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Serves GET requests of the read endpoints from the {@link ReadCache}, and fills it. Runs and ensembles are not
 * cached: their status moves while they go on (an ensemble's bands are written after its last member's events, so
 * no change of the projections would mark a cached answer stale), and reading them is cheap. The header {@code X-Read-Cache} says hit or miss.
 */
public final class ReadCacheFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Read-Cache";
    /** How long a request waits for another request's identical answer before asking the database itself. */
    private static final long JOIN_WAIT_MILLIS = 10_000;
    private static final Set<String> NOT_KEPT = Set.of("date", "content-length", "transfer-encoding", "connection",
            "keep-alive", "set-cookie", HEADER.toLowerCase(Locale.ROOT));

    private final ReadCache cache;

    public ReadCacheFilter(ReadCache cache) {
        this.cache = cache;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !cache.enabled() || !"GET".equals(request.getMethod()) || path.equals("/api/runs")
                || path.startsWith("/api/runs/") || path.startsWith("/api/ensembles")
                || request.getParameter("ensemble") != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        ReadCache.Key key = cache.key(query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query,
                request.getHeader(HttpHeaders.ACCEPT));
        ReadCache.Answer kept = cache.kept(key);
        if (kept != null) {
            send(kept, response);
            return;
        }
        CompletableFuture<ReadCache.Answer> mine = new CompletableFuture<>();
        CompletableFuture<ReadCache.Answer> other = cache.beginOrJoin(key, mine);
        if (other != null) {
            ReadCache.Answer shared = await(other);
            if (shared != null) {
                send(shared, response);
            } else {
                response.setHeader(HEADER, "miss");
                chain.doFilter(request, response);
            }
            return;
        }
        ReadCache.Answer answer = null;
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        try {
            wrapper.setHeader(HEADER, "miss");
            chain.doFilter(request, wrapper);
            if (wrapper.getStatus() == HttpServletResponse.SC_OK && !request.isAsyncStarted()) {
                answer = new ReadCache.Answer(headers(wrapper), wrapper.getContentAsByteArray());
            }
        } finally {
            cache.done(key, mine, answer);
        }
        wrapper.copyBodyToResponse();
    }

    private static ReadCache.Answer await(CompletableFuture<ReadCache.Answer> other) throws IOException {
        try {
            return other.get(JOIN_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for an identical request's answer", e);
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private static List<Map.Entry<String, String>> headers(HttpServletResponse response) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (response.getContentType() != null) {
            headers.add(Map.entry(HttpHeaders.CONTENT_TYPE, response.getContentType()));
        }
        for (String name : response.getHeaderNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!NOT_KEPT.contains(lower) && !lower.equals("content-type")) {
                for (String value : response.getHeaders(name)) {
                    headers.add(Map.entry(name, value));
                }
            }
        }
        return List.copyOf(headers);
    }

    private static void send(ReadCache.Answer answer, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        for (Map.Entry<String, String> h : answer.headers()) {
            if (h.getKey().equals(HttpHeaders.CONTENT_TYPE)) {
                response.setContentType(h.getValue());
            } else {
                response.addHeader(h.getKey(), h.getValue());
            }
        }
        response.setHeader(HEADER, "hit");
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }
}
