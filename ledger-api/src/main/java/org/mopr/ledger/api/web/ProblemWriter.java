package org.mopr.ledger.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Problems answered by the servlet filters, before Spring MVC (and its advice) sees the request. */
final class ProblemWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemWriter() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, int status, String slug, String title,
                      String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ApiProblem.type(slug).toString());
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body);
    }
}
