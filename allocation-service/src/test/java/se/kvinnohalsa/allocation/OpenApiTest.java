package se.kvinnohalsa.allocation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.stack.testing.ServedOpenApi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document describes every /api/v1 operation of the service with a summary, examples of what it answers
 * (and of what it takes), and the errors it really answers. Every check runs over all /api/v1 operations the document
 * has, so a new endpoint without examples fails here too. Failures are collected and listed together.
 */
@QuarkusTest
class OpenApiTest {

    private static final String API = "/api/v1";
    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** The endpoints of the contract (shared/API.md) and the service's own additions. */
    private static final Set<String> ENDPOINTS = Set.of(
            "GET /api/v1/regions",
            "GET /api/v1/agreements",
            "POST /api/v1/agreements",
            "GET /api/v1/agreements/{year}",
            "PUT /api/v1/agreements/{year}/pools/{poolCode}/key",
            "PUT /api/v1/agreements/{year}/pools/{poolCode}/amounts",
            "GET /api/v1/agreements/{year}/allocations",
            "POST /api/v1/agreements/{year}/allocations/publish",
            "GET /api/v1/agreements/{year}/allocations/versions",
            "GET /api/v1/agreements/{year}/allocations/versions/{version}",
            "PUT /api/v1/agreements/{year}/regions/{regionCode}/decision",
            "GET /api/v1/agreements/{year}/regions/{regionCode}/decision",
            "GET /api/v1/agreements/{year}/regions/{regionCode}/conditions");

    /** The operations that answer 409 on a state conflict (an existing year, a pool without key, not published). */
    private static final Set<String> CONFLICTS = Set.of(
            "POST /api/v1/agreements",
            "POST /api/v1/agreements/{year}/allocations/publish",
            "PUT /api/v1/agreements/{year}/regions/{regionCode}/decision");

    private final List<String> failures = new ArrayList<>();

    @Test
    void everyEndpointIsDocumented() {
        Map<String, JsonNode> operations = operations(openapi());
        assertTrue(operations.keySet().containsAll(ENDPOINTS),
                "missing from the document: "
                        + new TreeSet<>(ENDPOINTS).stream().filter(e -> !operations.containsKey(e)).toList());
        operations.forEach((name, operation) -> {
            if (operation.path("summary").asText().isBlank()) {
                failures.add(name + ": no summary");
            }
        });
        assertNoFailures();
    }

    @Test
    void everySuccessResponseAndRequestBodyHasExamplesShowingTheFieldsOfItsSchema() {
        JsonNode openapi = openapi();
        operations(openapi).forEach((name, operation) -> {
            List<String> successes = new ArrayList<>();
            operation.path("responses").fieldNames().forEachRemaining(code -> {
                if (code.startsWith("2")) {
                    successes.add(code);
                }
            });
            if (successes.isEmpty()) {
                failures.add(name + ": no success response");
            }
            for (String code : successes) {
                checkExamples(openapi, name + " " + code, operation.path("responses").path(code), true);
            }
            if (operation.has("requestBody")) {
                checkExamples(openapi, name + " request body", operation.path("requestBody"), false);
            }
        });
        assertNoFailures();
    }

    /** The shared rules (ServedOpenApi): complete for client generators, examples in the components. */
    @Test
    void everyOperationIsCompleteForClientGenerators() {
        ServedOpenApi.assertCompleteWithExamplesInComponents();
    }

    @Test
    void theErrorsEachOperationAnswersAreDocumented() {
        operations(openapi()).forEach((name, operation) -> {
            List<String> expected = new ArrayList<>();
            if (name.contains("{")) {
                expected.add("404"); // an unknown year, region, pool or version
            }
            if (operation.has("requestBody")) {
                expected.addAll(List.of("400", "415", "422")); // malformed, not JSON, breaks a rule
            }
            if (!operation.path("security").isEmpty()) {
                expected.addAll(List.of("401", "403"));
            }
            if (CONFLICTS.contains(name)) {
                expected.add("409");
            }
            JsonNode responses = operation.path("responses");
            for (String code : expected) {
                if (!responses.has(code)) {
                    failures.add(name + ": " + code + " not documented");
                }
            }
            responses.fields().forEachRemaining(response -> {
                if (response.getValue().path("description").asText().isBlank()) {
                    failures.add(name + " " + response.getKey() + ": no description");
                }
            });
        });
        assertNoFailures();
    }

    @Test
    void errorResponsesAreProblemJsonAndEveryResourceShowsAnExample() {
        JsonNode openapi = openapi();
        Map<String, Integer> problemExamplesByTag = new LinkedHashMap<>();
        int withFieldErrors = 0;
        for (Map.Entry<String, JsonNode> entry : operations(openapi).entrySet()) {
            String name = entry.getKey();
            JsonNode operation = entry.getValue();
            boolean answersErrors = false;
            int examples = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = operation.path("responses").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> response = it.next();
                if (!response.getKey().startsWith("4")) {
                    continue;
                }
                answersErrors = true;
                JsonNode content = response.getValue().path("content");
                content.fieldNames().forEachRemaining(type -> {
                    if (!PROBLEM.equals(type)) {
                        failures.add(name + " " + response.getKey() + ": content " + type + " instead of " + PROBLEM);
                    }
                });
                JsonNode schema = content.path(PROBLEM).path("schema");
                if (schema.isMissingNode() || resolve(openapi, schema).isMissingNode()) {
                    failures.add(name + " " + response.getKey() + ": no problem+json schema");
                }
                for (JsonNode example : content.path(PROBLEM).path("examples")) {
                    examples++;
                    String where = name + " " + response.getKey() + " example";
                    JsonNode value = example(openapi, example).path("value");
                    if (value.path("status").asInt() != Integer.parseInt(response.getKey())) {
                        failures.add(where + ": status " + value.path("status") + " instead of " + response.getKey());
                    }
                    for (String member : List.of("title", "detail", "instance")) {
                        if (value.path(member).asText().isBlank()) {
                            failures.add(where + ": no " + member);
                        }
                    }
                    if (value.has("errors")) {
                        withFieldErrors++;
                        if (value.path("errors").isEmpty()) {
                            failures.add(where + ": empty errors");
                        }
                        for (JsonNode error : value.path("errors")) {
                            if (error.path("field").asText().isBlank() || error.path("message").asText().isBlank()) {
                                failures.add(where + ": an error without field and message: " + error);
                            }
                        }
                    } else if (Set.of("400", "422").contains(response.getKey())) {
                        failures.add(where + ": no errors[{field, message}]");
                    }
                }
            }
            if (answersErrors) {
                for (JsonNode tag : operation.path("tags")) {
                    problemExamplesByTag.merge(tag.asText(), examples, Integer::sum);
                }
            }
        }
        problemExamplesByTag.forEach((tag, count) -> {
            if (count == 0) {
                failures.add("tag " + tag + ": no problem+json example on any of its error responses");
            }
        });
        assertTrue(withFieldErrors > 0, "no problem example with errors[{field, message}]");
        assertNoFailures();
    }

    @Test
    void theChecksAboveCatchAnExampleThatDriftsFromItsSchema() {
        // The schema comparison itself could fail: a made-up field, a missing field and a wrong type are all caught.
        JsonNode openapi = openapi();
        JsonNode schema = openapi.path("components").path("schemas").path("VersionView");
        ObjectMapper json = new ObjectMapper();
        try {
            compare(openapi, "drift", schema, json.readTree("""
                    {"year": 2024, "version": "1", "publishedAt": "2024-02-29T14:03:12Z", "publishedBy": "admin-local",
                     "totalSek": 1517000000, "publishedTo": "everyone"}"""), true);
            compare(openapi, "drift", schema, json.readTree(
                    """
                            {"year": 2024, "version": 1, "publishedAt": "2024-02-29T14:03:12Z", "publishedBy": "admin-local"}"""),
                    true);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertEquals(
                List.of("drift.version: expected integer, found \"1\"", "drift: fields [publishedTo] not in the schema",
                        "drift: fields [totalSek] of the schema missing"),
                failures);
    }

    private void checkExamples(JsonNode openapi, String where, JsonNode holder, boolean response) {
        JsonNode content = holder.path("content");
        if (content.isEmpty()) {
            failures.add(where + ": no content, so no example");
            return;
        }
        content.fields().forEachRemaining(media -> {
            String at = where + " " + media.getKey();
            JsonNode examples = media.getValue().path("examples");
            if (examples.isEmpty()) {
                failures.add(at + ": no examples");
            }
            JsonNode schema = media.getValue().path("schema");
            if (schema.isMissingNode()) {
                failures.add(at + ": no schema");
            }
            examples.fields().forEachRemaining(example -> {
                JsonNode value = example(openapi, example.getValue()).path("value");
                String named = at + " example '" + example.getKey() + "'";
                if (JSON.equals(media.getKey()) && !value.isContainerNode()) {
                    failures.add(named + ": not parsed as JSON (a typo in the example?): " + value);
                } else if (!schema.isMissingNode()) {
                    compare(openapi, named, schema, value, response);
                }
            });
        });
    }

    /**
     * An example against its schema: the same fields as the schema in a response (the API returns every field, null
     * or not); only schema fields, and every required one, in a request; and values of the schema's types.
     */
    private void compare(JsonNode openapi, String where, JsonNode schema, JsonNode value, boolean response) {
        schema = resolve(openapi, schema);
        if (value.isNull()) {
            return;
        }
        String type = type(schema);
        switch (type) {
            case "array" -> {
                if (!value.isArray()) {
                    failures.add(where + ": expected an array, found " + value);
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    compare(openapi, where + "[" + i + "]", schema.path("items"), value.get(i), response);
                }
            }
            case "object" -> {
                if (!value.isObject()) {
                    failures.add(where + ": expected an object, found " + value);
                    return;
                }
                JsonNode properties = schema.path("properties");
                Set<String> unknown = new TreeSet<>();
                value.fieldNames().forEachRemaining(field -> {
                    if (properties.has(field)) {
                        compare(openapi, where + "." + field, properties.path(field), value.path(field), response);
                    } else if (!properties.isMissingNode()) {
                        unknown.add(field);
                    }
                });
                Set<String> missing = new TreeSet<>();
                if (response) {
                    properties.fieldNames().forEachRemaining(missing::add);
                } else {
                    schema.path("required").forEach(r -> missing.add(r.asText()));
                }
                value.fieldNames().forEachRemaining(missing::remove);
                if (!unknown.isEmpty()) {
                    failures.add(where + ": fields " + unknown + " not in the schema");
                }
                if (!missing.isEmpty()) {
                    failures.add(where + ": fields " + missing + " of the schema missing");
                }
            }
            case "integer" -> expect(where, value.isIntegralNumber(), type, value);
            case "number" -> expect(where, value.isNumber(), type, value);
            case "string" -> expect(where, value.isTextual(), type, value);
            case "boolean" -> expect(where, value.isBoolean(), type, value);
            default -> {
                // No type to compare with (e.g. a free-form schema).
            }
        }
    }

    private void expect(String where, boolean matches, String type, JsonNode value) {
        if (!matches) {
            failures.add(where + ": expected " + type + ", found " + value);
        }
    }

    /** An example, or the shared one of components.examples it names. */
    private static JsonNode example(JsonNode openapi, JsonNode example) {
        return example.has("$ref") ? openapi.at(example.path("$ref").asText().substring(1)) : example;
    }

    /** The type, of a nullable field (OpenAPI 3.1: [type, "null"]) the other one. */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        return type.asText();
    }

    private static JsonNode resolve(JsonNode openapi, JsonNode schema) {
        // A nullable field of another schema is anyOf [{$ref}, {type: null}].
        for (JsonNode alternative : schema.path("anyOf")) {
            if (alternative.has("$ref")) {
                schema = alternative;
            }
        }
        while (schema.has("$ref")) {
            String name = schema.path("$ref").asText().substring("#/components/schemas/".length());
            schema = openapi.path("components").path("schemas").path(name);
        }
        return schema;
    }

    /** "METHOD /path" of every operation under /api/v1, with the operation. */
    private static Map<String, JsonNode> operations(JsonNode openapi) {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        openapi.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith(API)) {
                path.getValue().fields().forEachRemaining(method -> {
                    if (METHODS.contains(method.getKey())) {
                        operations.put(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
                    }
                });
            }
        });
        assertTrue(operations.size() >= ENDPOINTS.size(), "operations under " + API + ": " + operations.keySet());
        return operations;
    }

    private static JsonNode openapi() {
        return ServedOpenApi.document();
    }

    private void assertNoFailures() {
        assertTrue(failures.isEmpty(), failures.size() + " problem(s):\n" + String.join("\n", failures));
    }

}
