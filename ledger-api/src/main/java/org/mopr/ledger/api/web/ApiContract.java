package org.mopr.ledger.api.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Makes the served OpenAPI description a typed contract a client generator can use: every query parameter gets its
 * type from {@link ApiParameters}, every GET of the API its {@code format} choice, and every operation the error
 * answers it can give, each an {@code application/problem+json} body of the shared {@code Problem} schema with the
 * problem types of that status (the types {@link ProblemAdvice} and the filters write).
 */
@Component
public class ApiContract implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    /** The problem types by status, as the advice, the controllers and the servlet filters answer them. */
    static final Map<Integer, List<String>> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put(400, List.of("bad-parameter", "bad-date", "bad-currency", "bad-paging"));
        TYPES.put(401, List.of("unauthorized"));
        TYPES.put(403, List.of("writes-disabled", "forbidden"));
        TYPES.put(404, List.of("unknown-run", "unknown-section", "unknown-claim", "unknown-ensemble", "no-figure",
                "not-found"));
        TYPES.put(406, List.of("not-acceptable"));
        TYPES.put(409, List.of("conflict", "run-not-complete", "run-incomplete"));
        TYPES.put(411, List.of("length-required"));
        TYPES.put(413, List.of("too-large", "export-too-large"));
        TYPES.put(414, List.of("too-large"));
        TYPES.put(415, List.of("unsupported-media-type"));
        TYPES.put(422, List.of("run-failed"));
        TYPES.put(500, List.of("internal"));
        TYPES.put(503, List.of("store-unavailable", "projections-rebuilding"));
    }

    /** Optional for Spring (the controller answers a missing one with a problem), required for a client. */
    private static final java.util.Set<String> REQUIRED = java.util.Set.of("/api/compare a", "/api/compare b",
            "/api/ensembles/compare a", "/api/ensembles/compare b", "/api/ensembles/{id}/bands figure");

    private static final List<Integer> EVERY = List.of(400, 404, 406, 409, 414, 500, 503);
    private static final List<Integer> WRITES = List.of(401, 403);
    private static final List<Integer> BODIES = List.of(411, 413, 415, 422);

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas(PROBLEM, problemSchema());
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> e : item.readOperationsMap().entrySet()) {
                parameters(path, e.getKey(), e.getValue());
                errors(path, e.getKey(), e.getValue());
            }
        });
    }

    private static void parameters(String path, PathItem.HttpMethod method, Operation op) {
        if (path.equals("/api/explain")) {
            op.setParameters(ApiParameters.explain());
            return;
        }
        List<Parameter> params = op.getParameters() == null ? new ArrayList<>() : new ArrayList<>(op.getParameters());
        for (Parameter p : params) {
            if ("query".equals(p.getIn()) && untyped(p.getSchema())) {
                ApiParameters.of(path, p.getName()).ifPresent(spec -> spec.apply(p));
                if (REQUIRED.contains(path + " " + p.getName())) {
                    p.required(true);
                }
            } else if ("path".equals(p.getIn()) && untyped(p.getSchema())) {
                boolean claim = path.startsWith("/api/catalog");
                boolean ensemble = path.startsWith("/api/ensembles");
                p.schema(new StringSchema().minLength(1).maxLength(200))
                        .description(claim ? "A claim id" : ensemble ? "An ensemble id" : "A run id")
                        .example(claim ? "c001.ussr-aid-1923-usd" : ensemble ? ApiParameters.ENSEMBLE_EXAMPLE
                                : "historical-s1922");
            }
        }
        boolean hasFormat = params.stream().anyMatch(p -> "format".equals(p.getName()));
        if (method == PathItem.HttpMethod.GET && path.startsWith("/api/") && !hasFormat) {
            params.add(ApiParameters.query("format", false, ApiParameters.of(path, "format").orElseThrow()));
        }
        op.setParameters(params.isEmpty() ? null : params);
    }

    /** A parameter springdoc saw as a plain string; one the controller typed itself (an enum) is kept as it is. */
    private static boolean untyped(Schema<?> schema) {
        if (schema == null || schema.getType() == null && schema.getTypes() == null) {
            return true;
        }
        boolean string = "string".equals(schema.getType())
                || schema.getTypes() != null && schema.getTypes().contains("string");
        return string && schema.getEnum() == null && schema.getPattern() == null;
    }

    private static void errors(String path, PathItem.HttpMethod method, Operation op) {
        List<Integer> statuses = new ArrayList<>(EVERY);
        if (op.getSecurity() != null && !op.getSecurity().isEmpty()) {
            statuses.addAll(WRITES);
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
            statuses.addAll(BODIES);
        }
        if (path.endsWith("/export")) {
            statuses.add(413);
        }
        ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
        new TreeSet<>(statuses).forEach(status -> responses.addApiResponse(String.valueOf(status), problem(status)));
        op.setResponses(responses);
    }

    private static ApiResponse problem(int status) {
        List<String> types = TYPES.get(status);
        MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
        for (String slug : types) {
            media.addExamples(slug, new Example().value(Map.of("type", ApiProblem.type(slug).toString(),
                    "title", slug, "status", status, "detail", "what was wrong, in one sentence",
                    "instance", "/api/...")));
        }
        return new ApiResponse().description("A problem (RFC 9457) of type " + String.join(", ",
                types.stream().map(s -> ApiProblem.TYPE_PREFIX + s).toList()))
                .content(new Content().addMediaType(PROBLEM_JSON, media));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        List<String> all = TYPES.values().stream().flatMap(List::stream).distinct()
                .map(s -> ApiProblem.type(s).toString()).toList();
        Schema type = new StringSchema()._enum(all).description("What went wrong, for a program to switch on")
                .example(ApiProblem.type("unknown-run").toString());
        return new ObjectSchema().description("An error answer, RFC 9457 (application/problem+json)")
                .addProperty("type", type)
                .addProperty("title", new StringSchema().description("The type in words").example("Unknown run"))
                .addProperty("status", new IntegerSchema().description("The HTTP status").example(404))
                .addProperty("detail", new StringSchema().description("This occurrence, in one sentence")
                        .example("no run 'x'"))
                .addProperty("instance", new StringSchema().description("The path asked for")
                        .example("/api/runs/x"))
                .required(List.of("type", "title", "status"));
    }
}
