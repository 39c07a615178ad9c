package se.kvinnohalsa.stack.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a client generator needs of every operation of an OpenAPI document (issue 18), checked over all operations the
 * document has, so that an endpoint added later without them fails the service's OpenApiTest and the gateway's lint:
 * a unique camelCase operationId, summary, description and tags that the document describes; security declared
 * ({@code []} when public); a schema for every parameter, request body and response; examples of every success
 * answer and request body; errors as problem+json; and every {@code $ref} resolvable.
 */
public final class OpenApiRules {

    public static final String API = "/api/v1/";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Pattern OPERATION_ID = Pattern.compile("[a-z][A-Za-z0-9_]*");
    private static final String PROBLEM_JSON = "application/problem+json";
    /** Answers without a body. */
    private static final Set<String> EMPTY = Set.of("204", "304");

    private OpenApiRules() {
    }

    /** "METHOD /path" of every operation under /api/v1, with the operation. */
    public static Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        document.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith(API)) {
                path.getValue().fields().forEachRemaining(method -> {
                    if (METHODS.contains(method.getKey())) {
                        operations.put(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
                    }
                });
            }
        });
        return operations;
    }

    /** Every rule broken, one line each; empty when the document is complete. */
    public static List<String> violations(JsonNode document) {
        List<String> violations = new ArrayList<>();
        Set<String> describedTags = new HashSet<>();
        for (JsonNode tag : document.path("tags")) {
            if (!tag.path("description").asText().isBlank()) {
                describedTags.add(tag.path("name").asText());
            }
        }
        Set<String> operationIds = new HashSet<>();
        operations(document).forEach((name, operation) -> {
            String id = operation.path("operationId").asText();
            if (!OPERATION_ID.matcher(id).matches()) {
                violations.add(name + ": operationId '" + id + "' is not a camelCase name");
            } else if (!operationIds.add(id)) {
                violations.add(name + ": operationId " + id + " is used twice");
            }
            for (String text : List.of("summary", "description")) {
                if (operation.path(text).asText().isBlank()) {
                    violations.add(name + ": no " + text);
                }
            }
            if (operation.path("tags").isEmpty()) {
                violations.add(name + ": no tag");
            }
            for (JsonNode tag : operation.path("tags")) {
                if (!describedTags.contains(tag.asText())) {
                    violations.add(name + ": tag '" + tag.asText() + "' has no description in the document");
                }
            }
            if (!operation.path("security").isArray()) {
                violations.add(name + ": security not declared (public operations say security: [])");
            }
            for (JsonNode parameter : operation.path("parameters")) {
                if (!parameter.has("schema") && !parameter.has("content")) {
                    violations.add(name + ": parameter " + parameter.path("name").asText() + " has no schema");
                }
            }
            if (operation.has("requestBody")) {
                content(name + " request body", operation.path("requestBody"), true, violations);
            }
            JsonNode responses = operation.path("responses");
            if (responses.isEmpty()) {
                violations.add(name + ": no responses");
            }
            responses.fields().forEachRemaining(response -> {
                String code = response.getKey();
                String where = name + " " + code;
                if (response.getValue().path("description").asText().isBlank()) {
                    violations.add(where + ": no description");
                }
                if (code.startsWith("2") && !EMPTY.contains(code)) {
                    content(where, response.getValue(), true, violations);
                } else if (code.startsWith("4") || code.startsWith("5")) {
                    JsonNode content = response.getValue().path("content");
                    if (!content.has(PROBLEM_JSON) || content.size() != 1) {
                        violations.add(where + ": not application/problem+json");
                    }
                    content(where, response.getValue(), false, violations);
                }
            });
        });
        if (operations(document).isEmpty()) {
            violations.add("no operation under " + API);
        }
        for (String ref : unresolvedRefs(document)) {
            violations.add("$ref " + ref + " points at nothing");
        }
        return violations;
    }

    private static void content(String where, JsonNode holder, boolean examples, List<String> violations) {
        JsonNode content = holder.path("content");
        if (content.isEmpty()) {
            violations.add(where + ": no content");
        }
        content.fields().forEachRemaining(media -> {
            if (!media.getValue().has("schema")) {
                violations.add(where + " " + media.getKey() + ": no schema");
            }
            if (examples && media.getValue().path("examples").isEmpty() && !media.getValue().has("example")) {
                violations.add(where + " " + media.getKey() + ": no examples");
            }
        });
    }

    /** Every local {@code $ref} of the document that points at nothing. */
    public static Set<String> unresolvedRefs(JsonNode document) {
        Set<String> unresolved = new TreeSet<>();
        collect(document, document, unresolved);
        return unresolved;
    }

    private static void collect(JsonNode document, JsonNode node, Set<String> unresolved) {
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual()
                && (!ref.asText().startsWith("#/") || document.at(ref.asText().substring(1)).isMissingNode())) {
            unresolved.add(ref.asText());
        }
        node.forEach(child -> collect(document, child, unresolved));
    }
}
