package org.mopr.ledger.api.web;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI description is a contract: it parses without a single message from the standard parser
 * (swagger-parser), every answer of success is a named schema (a bare {@code object} would give a client untyped
 * maps), every query parameter has a type, allowed values, a description and an example, and every error answer is
 * an {@code application/problem+json} of the shared Problem schema whose {@code type} lists the problem types.
 */
class OpenApiContractTest {

    private static OpenAPI api;

    @BeforeAll
    static void parse() {
        WebApp.get();
        String docs = Http.get("/v3/api-docs").body();
        write(docs);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(docs, null, options);
        assertThat(result.getMessages()).as("swagger-parser's messages").isEmpty();
        api = result.getOpenAPI();
        assertThat(api).isNotNull();
        assertThat(api.getOpenapi()).startsWith("3.0");
    }

    /** Kept beside the test reports, for a person to read what the build checked. */
    private static void write(String docs) {
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "openapi.json"), docs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void everyOperation(BiConsumer<String, Operation> check) {
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, op) -> check.accept(method + " " + path, op)));
    }

    @Test
    void everySuccessfulAnswerIsANamedSchema() {
        List<String> bare = new ArrayList<>();
        everyOperation((where, op) -> op.getResponses().forEach((status, response) -> {
            if (status.startsWith("2") && response.getContent() != null) {
                response.getContent().forEach((type, media) -> {
                    if (bare(media.getSchema())) {
                        bare.add(where + " " + status + " " + type);
                    }
                });
            }
        }));
        assertThat(bare).as("answers without a named schema").isEmpty();
        assertThat(api.getPaths().get("/api/membership").getGet().getResponses().get("200").getContent()
                .values().iterator().next().getSchema().getOneOf()).hasSize(3);
        assertThat(api.getPaths().get("/api/ensembles/{id}/bands").getGet().getResponses().get("200").getContent()
                .values().iterator().next().getSchema().get$ref()).isNotNull();
    }

    /** An answer a generator would turn into a map: no reference to a named schema and no typed alternative. */
    private static boolean bare(Schema<?> s) {
        if (s == null) {
            return true;
        }
        if (s.get$ref() != null || s.getOneOf() != null || s.getAnyOf() != null || s.getAllOf() != null) {
            return false;
        }
        String type = s.getType() != null ? s.getType() : s.getTypes() == null ? null : s.getTypes().iterator().next();
        if ("array".equals(type)) {
            return bare(s.getItems());
        }
        // A binary body (the export's zip) is a string of format binary: typed, not a map.
        return type == null || "object".equals(type);
    }

    @Test
    void everyQueryParameterIsTypedDescribedAndExemplified() {
        List<String> loose = new ArrayList<>();
        everyOperation((where, op) -> {
            for (Parameter p : op.getParameters() == null ? List.<Parameter>of() : op.getParameters()) {
                Schema<?> s = p.getSchema();
                boolean typed = s != null && (s.getType() != null || s.getTypes() != null);
                boolean constrained = typed && (!"string".equals(s.getType()) || s.getEnum() != null
                        || s.getPattern() != null || s.getMaxLength() != null);
                if (!typed || !constrained || p.getDescription() == null || p.getDescription().isBlank()
                        || p.getExample() == null) {
                    loose.add(where + " " + p.getName());
                }
            }
        });
        assertThat(loose).as("parameters without type, allowed values, description or example").isEmpty();
        Parameter limit = parameter("/api/income", "limit");
        assertThat(limit.getSchema().getType()).isEqualTo("integer");
        assertThat(limit.getSchema().getMinimum()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(limit.getSchema().getMaximum()).isEqualByComparingTo(BigDecimal.valueOf(1000));
        assertThat(parameter("/api/income", "period").getSchema().getEnum()).map(String::valueOf)
                .containsExactly("month", "year", "total");
        assertThat(parameter("/api/income", "from").getSchema().getPattern()).isEqualTo(ApiParameters.PRECISE_DATE);
        assertThat(parameter("/api/income", "currency").getSchema().getEnum()).map(String::valueOf)
                .contains("USD", "FRF", "XRG");
        assertThat(parameter("/api/membership", "scope").getSchema().getPattern()).contains("section:");
        assertThat(parameter("/api/explain", "figure").getRequired()).isTrue();
        assertThat(parameter("/api/explain", "index").getSchema().getType()).isEqualTo("integer");
        assertThat(parameter("/api/ensembles/{id}/bands", "figure").getRequired()).isTrue();
        assertThat(parameter("/api/income", "ensemble").getDescription()).contains("not together with run");
    }

    private static Parameter parameter(String path, String name) {
        return api.getPaths().get(path).getGet().getParameters().stream().filter(p -> p.getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(path + " has no parameter " + name));
    }

    @Test
    void everyErrorAnswerIsAProblemWithItsTypes() {
        List<String> wrong = new ArrayList<>();
        everyOperation((where, op) -> {
            assertThat(op.getResponses()).as(where).containsKeys("400", "404", "500", "503");
            op.getResponses().forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    if (!problem(response)) {
                        wrong.add(where + " " + status);
                    }
                }
            });
        });
        assertThat(wrong).as("error answers that are not problems").isEmpty();
        assertThat(api.getPaths().get("/api/runs").getPost().getResponses()).containsKeys("401", "403", "413");
        Schema<?> problem = api.getComponents().getSchemas().get(ApiContract.PROBLEM);
        List<String> types = problem.getProperties().get("type").getEnum().stream().map(String::valueOf).toList();
        assertThat(types).contains(ApiProblem.TYPE_PREFIX + "unknown-run", ApiProblem.TYPE_PREFIX + "bad-date",
                ApiProblem.TYPE_PREFIX + "bad-paging", ApiProblem.TYPE_PREFIX + "store-unavailable",
                ApiProblem.TYPE_PREFIX + "projections-rebuilding", ApiProblem.TYPE_PREFIX + "export-too-large",
                ApiProblem.TYPE_PREFIX + "unknown-ensemble");
        assertThat(api.getPaths().get("/api/ensembles").getPost().getResponses()).containsKeys("401", "403", "413");
    }

    private static boolean problem(ApiResponse response) {
        Map<String, MediaType> content = response.getContent();
        return content != null && content.size() == 1 && content.containsKey(ApiContract.PROBLEM_JSON)
                && ("#/components/schemas/" + ApiContract.PROBLEM).equals(content.get(ApiContract.PROBLEM_JSON)
                .getSchema().get$ref())
                && response.getDescription().contains(ApiProblem.TYPE_PREFIX);
    }

    @Test
    void theDescribedProblemIsTheOneServed() {
        Http.Answer answer = Http.get("/api/income?limit=5000");
        answer.problem(400, "bad-paging");
        assertThat(api.getPaths().get("/api/income").getGet().getResponses().get("400").getDescription())
                .contains(ApiProblem.TYPE_PREFIX + "bad-paging");
        assertThat(PathItem.HttpMethod.GET).isNotNull();
    }
}
