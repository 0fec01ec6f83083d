package org.mopr.ledger.api.web;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import org.mopr.ledger.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every error of the API as {@code application/problem+json} (RFC 9457) with a type a program can switch on. Spring's
 * own exceptions (missing parameter, unknown path, unsupported method, unacceptable media type, unreadable body) come
 * through the base class; ours carry their type; anything unexpected is logged with a reference and answered
 * without its message or stack trace, which could show SQL or internals to a stranger. It is not limited to this
 * package: an unknown path is found by no controller, and its 404 must be a problem too.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    /** How soon a client may try again while the store is away: about the pool's connection timeout. */
    private static final Duration STORE_RETRY_AFTER = Duration.ofSeconds(2);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> api(ApiProblem e, NativeWebRequest request) {
        ResponseEntity<Object> answer = problem(e.status(), e.slug(), e.title(), e.getMessage(), request);
        if (answer.getBody() instanceof ProblemDetail body) {
            e.properties().forEach(body::setProperty);
        }
        return e.retryAfter().map(after -> retryAfter(answer, after)).orElse(answer);
    }

    /** The domain and the query layer word their refusals for the person who sent the request. */
    @ExceptionHandler({DomainException.class, IllegalArgumentException.class})
    ResponseEntity<Object> refused(RuntimeException e, NativeWebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", e.getMessage(), request);
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Object> store(DataAccessException e, NativeWebRequest request) {
        String reference = UUID.randomUUID().toString();
        log.error("store failure on {} (reference {})", path(request), reference, e);
        return retryAfter(problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "The event store did not answer",
                "the database could not answer this request; reference " + reference + " in the server log", request),
                STORE_RETRY_AFTER);
    }

    private static ResponseEntity<Object> retryAfter(ResponseEntity<Object> answer, Duration after) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(answer.getHeaders());
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, after.toSeconds())));
        return new ResponseEntity<>(answer.getBody(), headers, answer.getStatusCode());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, NativeWebRequest request) {
        String reference = UUID.randomUUID().toString();
        log.error("unexpected failure on {} (reference {})", path(request), reference, e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "the server failed on this request; reference " + reference + " in the server log", request);
    }

    /** A body with a field the request does not have names it, and the fields it does have. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof UnrecognizedPropertyException unknown && request instanceof NativeWebRequest nwr) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", ", "; known fields: ", ""));
            return problem(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter",
                    "unknown field '" + unknown.getPropertyName() + "' in the body" + known, nwr);
        }
        return super.handleHttpMessageNotReadable(ex, headers, status, request);
    }

    /** Spring's own problems keep their status and detail, gain a type and the path, and say what they are. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        ProblemDetail detail = body instanceof ProblemDetail p ? p : ProblemDetail.forStatus(status);
        if (detail.getType() == null || URI.create("about:blank").equals(detail.getType())) {
            detail.setType(ApiProblem.type(slugOf(status)));
        }
        if (detail.getInstance() == null && request instanceof NativeWebRequest nwr) {
            detail.setInstance(URI.create(path(nwr)));
        }
        HttpHeaders out = new HttpHeaders();
        if (headers != null) {
            out.putAll(headers);
        }
        // Preset, the content type wins over the client's Accept (text/csv, say) so the problem stays readable.
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(detail, out, status);
    }

    ResponseEntity<Object> problem(HttpStatus status, String slug, String title, String detail, NativeWebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(ApiProblem.type(slug));
        body.setTitle(title);
        body.setInstance(URI.create(path(request)));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, headers, status);
    }

    static String slugOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad-parameter";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 411 -> "length-required";
            case 413 -> "too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status.value();
        };
    }

    private static String path(NativeWebRequest request) {
        HttpServletRequest servlet = request.getNativeRequest(HttpServletRequest.class);
        return servlet == null ? "/" : servlet.getRequestURI();
    }
}
