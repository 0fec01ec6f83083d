package org.mopr.ledger.api.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract as a client programmer meets it: a Java client generated from the served description by
 * openapi-generator ({@code java}, library {@code native}), compiled here with the JDK's compiler against the test
 * classpath, calls every GET endpoint of the running application on the historical run. Each typed answer, written
 * back to JSON by the client's own mapper, must hold every value the API's JSON holds: a field the description
 * forgot, or typed wrongly, would be lost or refused on the way. An ensemble of three members is made first, so the
 * ensemble endpoints answer too, and every endpoint that takes {@code ensemble=} is called a second time with it.
 */
class GeneratedClientContractTest {

    /** Values for the parameters an endpoint needs, chosen so every call answers 200 on the historical run. */
    private static final Map<String, Object> REQUIRED = Map.of("figure", "income");
    private static final Map<String, Map<String, Object>> EXTRA = Map.of(
            "/api/explain", Map.of("section", "SU", "month", "1923-03", "currency", "USD"),
            "/api/membership", Map.of("scope", "all", "from", "1928", "to", "1931"),
            "/api/ensembles/{id}/bands", Map.of("figure", "aid/PL"));

    @TempDir
    Path dir;

    @Test
    void aGeneratedClientCallsEveryGetEndpointAndKeepsEveryValue() throws Exception {
        WebApp app = WebApp.get();
        String ensemble = TestEnsembles.historical(3);
        String docs = Http.get("/v3/api-docs").body();
        Path spec = dir.resolve("openapi.json");
        Files.writeString(spec, docs);
        Path out = dir.resolve("client");
        generate(spec, out);
        Path classes = compile(out);
        OpenAPI api = new OpenAPIParser().readContents(docs, null, null).getOpenAPI();
        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()},
                getClass().getClassLoader())) {
            Object client = loader.loadClass("gen.ApiClient").getConstructor().newInstance();
            client.getClass().getMethod("updateBaseUri", String.class).invoke(client, app.baseUrl);
            ObjectMapper mapper = (ObjectMapper) client.getClass().getMethod("getObjectMapper").invoke(client);
            // Strict: a field the API writes and the description does not name fails the call, instead of vanishing.
            mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
            List<String> called = new ArrayList<>();
            for (var path : api.getPaths().entrySet()) {
                Operation get = path.getValue().getGet();
                if (get == null || !path.getKey().startsWith("/api/")) {
                    continue;
                }
                String name = path.getKey() + " (" + get.getOperationId() + ")";
                Map<String, Object> values = values(path.getKey(), get, app.run(), ensemble);
                Object answer = call(loader, client, get, values, ONE_OF.get(get.getOperationId()));
                check(mapper, name, path.getKey(), values, answer);
                called.add(path.getKey());
                if (get.getParameters().stream().anyMatch(p -> "ensemble".equals(p.getName()))) {
                    Map<String, Object> bands = new LinkedHashMap<>(values);
                    bands.remove("run");
                    bands.put("ensemble", ensemble);
                    check(mapper, name + " with ensemble", path.getKey(), bands,
                            call(loader, client, get, bands, "EnsembleBands"));
                    called.add(path.getKey() + "?ensemble");
                }
            }
            assertThat(called).contains("/api/income", "/api/membership", "/api/explain", "/api/catalog/{id}",
                    "/api/trial-balance", "/api/runs/{id}/export", "/api/compare", "/api/ensembles",
                    "/api/ensembles/{id}", "/api/ensembles/{id}/bands", "/api/ensembles/compare", "/api/income?ensemble",
                    "/api/aid?ensemble", "/api/flows?ensemble", "/api/balances?ensemble", "/api/membership?ensemble");
        }
    }

    /** The typed answer holds every value of the API's own JSON; every list but a run compared with itself has items. */
    private static void check(ObjectMapper mapper, String name, String path, Map<String, Object> values, Object answer) {
        assertThat(answer).as(name).isNotNull();
        if (answer instanceof File file) {
            assertThat(file.length()).as(name + ": the zip").isPositive();
            return;
        }
        JsonNode typed = mapper.valueToTree(answer);
        JsonNode raw = Http.get(url(path, values)).json();
        assertCovers(name, raw, typed);
        if (raw.has("items")) {
            assertThat(typed.path("items").size()).as(name + ": items").isEqualTo(raw.path("items").size());
            // The run compared with itself changes nothing; every other list has items.
            if (path.equals("/api/compare")) {
                assertThat(raw.path("items").size()).as(name + ": items").isZero();
            } else {
                assertThat(raw.path("items").size()).as(name + ": items").isPositive();
            }
        }
    }

    private static void generate(Path spec, Path out) {
        CodegenConfigurator config = new CodegenConfigurator().setGeneratorName("java").setLibrary("native")
                .setInputSpec(spec.toString()).setOutputDir(out.toString()).setInvokerPackage("gen")
                .setApiPackage("gen.api").setModelPackage("gen.model")
                .addAdditionalProperty("openApiNullable", false).addAdditionalProperty("useJakartaEe", true)
                .addAdditionalProperty("hideGenerationTimestamp", true)
                .addAdditionalProperty("sortParamsByRequiredFlag", false)
                .addGlobalProperty("apiTests", "false").addGlobalProperty("modelTests", "false")
                .addGlobalProperty("apiDocs", "false").addGlobalProperty("modelDocs", "false");
        List<File> files = new DefaultGenerator().opts(config.toClientOptInput()).generate();
        assertThat(files).isNotEmpty();
    }

    private Path compile(Path out) throws Exception {
        List<String> sources;
        try (Stream<Path> walk = Files.walk(out.resolve("src/main/java"))) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-proc:none", "-nowarn", "-encoding", "UTF-8", "-d",
                classes.toString(), "-cp", System.getProperty("java.class.path")));
        args.addAll(sources);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = javac.run(null, errors, errors, args.toArray(String[]::new));
        assertThat(rc).as("javac on the generated client: " + errors).isZero();
        return classes;
    }

    private static Map<String, Object> values(String path, Operation op, String run, String ensemble) {
        Map<String, Object> values = new LinkedHashMap<>(EXTRA.getOrDefault(path, Map.of()));
        boolean ofEnsembles = path.startsWith("/api/ensembles");
        for (Parameter p : op.getParameters()) {
            if ("path".equals(p.getIn())) {
                values.put(p.getName(), path.startsWith("/api/catalog") ? "c001.ussr-aid-1923-usd"
                        : ofEnsembles ? ensemble : run);
            } else if (List.of("a", "b").contains(p.getName())) {
                values.put(p.getName(), ofEnsembles ? ensemble : run);
            } else if (Boolean.TRUE.equals(p.getRequired())) {
                values.putIfAbsent(p.getName(), REQUIRED.get(p.getName()));
            }
        }
        if (op.getParameters().stream().anyMatch(p -> "run".equals(p.getName()))) {
            values.put("run", run);
        }
        return values;
    }

    /** Calls the operation's method of the generated API class with the values in the description's order. */
    private static Object call(ClassLoader loader, Object client, Operation op, Map<String, Object> values,
                               String alternative) throws Exception {
        String tag = op.getTags().get(0);
        StringBuilder api = new StringBuilder("gen.api.");
        for (String word : tag.split("-")) {
            api.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        Class<?> type = loader.loadClass(api + "Api");
        Object apiObject = type.getConstructor(client.getClass()).newInstance(client);
        boolean oneOf = alternative != null;
        String wanted = oneOf ? op.getOperationId() + "RequestBuilder" : op.getOperationId();
        Method method = Stream.of(type.getDeclaredMethods()).filter(m -> generatedName(m.getName(), wanted)
                        && m.getParameterCount() == op.getParameters().size() + (oneOf ? 1 : 0))
                .findFirst().orElseThrow(() -> new AssertionError("no method " + op.getOperationId() + " in " + type
                        + ": " + Stream.of(type.getDeclaredMethods()).map(Method::getName).sorted().toList()));
        method.setAccessible(true);
        Object[] args = new Object[method.getParameterCount()];
        List<Parameter> params = op.getParameters();
        if (oneOf) {
            args[args.length - 1] = Map.of();   // the request builder's extra headers
        }
        for (int i = 0; i < params.size(); i++) {
            Object v = values.get(params.get(i).getName());
            Class<?> want = method.getParameterTypes()[i];
            args[i] = v == null ? null : want == Integer.class ? Integer.valueOf(v.toString())
                    : want == Long.class ? Long.valueOf(v.toString()) : want.isEnum() ? enumValue(want, v) : v;
        }
        Object answer = method.invoke(apiObject, args);
        if (!oneOf) {
            return answer;
        }
        // The generated oneOf wrapper accepts a body when more than one alternative deserializes leniently and then
        // refuses it; the request is still the generated one, and its answer is read as the alternative asked for.
        HttpClient http = (HttpClient) client.getClass().getMethod("getHttpClient").invoke(client);
        String body = http.send(((HttpRequest.Builder) answer).build(), HttpResponse.BodyHandlers.ofString()).body();
        ObjectMapper mapper = (ObjectMapper) client.getClass().getMethod("getObjectMapper").invoke(client);
        return mapper.readValue(body, loader.loadClass("gen.model." + alternative));
    }

    /** Operations answering oneOf two or more schemas, and the one the values above ask for (without ensemble). */
    private static final Map<String, String> ONE_OF = Map.of("membership", "MembershipSeries",
            "income", "ListingIncomeRow", "aid", "ListingAidRow", "flows", "ListingFlowRow",
            "balances", "ListingBalanceRow", "compare", "ListingFigureChange");

    /** The generator renames operation ids that are Java's reserved words ("list" becomes "callList"). */
    private static boolean generatedName(String method, String operationId) {
        return method.equals(operationId) || method.equals("_" + operationId)
                || method.equals("call" + Character.toUpperCase(operationId.charAt(0)) + operationId.substring(1));
    }

    private static Object enumValue(Class<?> type, Object v) throws Exception {
        return type.getMethod("fromValue", String.class).invoke(null, v.toString());
    }

    private static String url(String path, Map<String, Object> values) {
        String p = path;
        StringBuilder query = new StringBuilder();
        for (var e : values.entrySet()) {
            if (p.contains("{" + e.getKey() + "}")) {
                p = p.replace("{" + e.getKey() + "}", e.getValue().toString());
            } else {
                query.append(query.isEmpty() ? "?" : "&").append(e.getKey()).append('=').append(e.getValue());
            }
        }
        return p + query;
    }

    /** Every non-null value of the API's JSON is in the client's, equal (numbers by value, instants by instant). */
    private static void assertCovers(String where, JsonNode raw, JsonNode typed) {
        if (raw.isObject()) {
            raw.fields().forEachRemaining(f -> {
                if (!f.getValue().isNull()) {
                    assertThat(typed.has(f.getKey())).as(where + "." + f.getKey() + " kept by the client").isTrue();
                    assertCovers(where + "." + f.getKey(), f.getValue(), typed.get(f.getKey()));
                }
            });
        } else if (raw.isArray()) {
            assertThat(typed.size()).as(where + " size").isEqualTo(raw.size());
            for (int i = 0; i < raw.size(); i++) {
                assertCovers(where + "[" + i + "]", raw.get(i), typed.get(i));
            }
        } else if (raw.isNumber()) {
            assertThat(typed.decimalValue()).as(where).isEqualByComparingTo(raw.decimalValue());
        } else if (!raw.asText().equals(typed.asText())) {
            assertThat(java.time.OffsetDateTime.parse(typed.asText()).toInstant()).as(where)
                    .isEqualTo(java.time.OffsetDateTime.parse(raw.asText()).toInstant());
        }
    }
}
