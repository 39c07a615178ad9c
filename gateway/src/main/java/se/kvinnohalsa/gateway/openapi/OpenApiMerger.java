package se.kvinnohalsa.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One OpenAPI document from the gateway's own and the services' documents: every path under {@code /api/v1} (what the
 * gateway serves), tags and components. A component name that two services use for different things is kept apart by
 * prefixing the later one with its service name (and every {@code $ref} to it in that service's document); so is an
 * operationId that two services use. What clients see is complete and consistent: the gateway's servers, the answers
 * the gateway itself gives on every proxied operation (429 when the client's rate is used up, 502/503/504 when a
 * service is down, open-circuited or slow), only the tags and components that something uses, and every {@code $ref}
 * resolvable ({@link #unresolvedRefs}).
 */
public final class OpenApiMerger {

    static final String PUBLIC_PREFIX = "/api/v1/";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");
    /** What the gateway answers on every operation, before or instead of the service. */
    private static final Map<String, String> GATEWAY_ANSWERS = Map.of(
            "429", "Too many requests from this client (token subject, else address): retry after Retry-After seconds");
    /** What the gateway answers on a service's operation when the service cannot answer. */
    private static final Map<String, String> PROXY_ANSWERS = Map.of(
            "502", "The service is down (the gateway could not reach it)",
            "503", "The service failed several times in a row: the gateway does not ask it for a while; retry later",
            "504", "The service did not answer in time");

    private OpenApiMerger() {
    }

    /**
     * @param base     the gateway's own document: its openapi version, info and paths come first
     * @param services each service's document by service name, in a stable order
     * @param missing  services whose document could not be fetched (listed in {@code x-unavailable-services})
     */
    public static ObjectNode merge(ObjectNode base, Map<String, JsonNode> services, List<String> missing) {
        ObjectNode merged = JSON.objectNode();
        merged.put("openapi", base.path("openapi").asText("3.0.3"));
        if (base.has("servers")) {
            merged.set("servers", base.get("servers").deepCopy());
        }
        merged.set("info", JSON.objectNode().put("title", "Kvinnohälsa API")
                .put("version", base.path("info").path("version").asText("1"))
                .put("description", "The public API of the platform, merged from the gateway's and the services' own "
                        + "documents. Reach every path through the gateway."));
        ObjectNode paths = merged.putObject("paths");
        ArrayNode tags = merged.putArray("tags");
        ObjectNode components = merged.putObject("components");
        Set<String> operationIds = new HashSet<>();
        add("gateway", base.deepCopy(), false, paths, tags, components, operationIds);
        services.forEach((service, document) -> add(service, document.deepCopy(), true, paths, tags, components,
                operationIds));
        keepUsedTags(paths, tags);
        pruneComponents(merged);
        if (!missing.isEmpty()) {
            ArrayNode unavailable = merged.putArray("x-unavailable-services");
            missing.forEach(unavailable::add);
        }
        return merged;
    }

    private static void add(String service, JsonNode document, boolean proxied, ObjectNode paths, ArrayNode tags,
            ObjectNode components, Set<String> operationIds) {
        Map<String, String> renames = new HashMap<>();
        JsonNode theirs = document.path("components");
        theirs.fields().forEachRemaining(section -> section.getValue().fields().forEachRemaining(component -> {
            JsonNode ours = components.path(section.getKey()).get(component.getKey());
            if (ours != null && !ours.equals(component.getValue())) {
                renames.put(ref(section.getKey(), component.getKey()), service + "_" + component.getKey());
            }
        }));
        if (!renames.isEmpty()) {
            rewriteRefs(document, renames);
        }
        theirs.fields().forEachRemaining(section -> section.getValue().fields().forEachRemaining(component -> {
            String name = renames.getOrDefault(ref(section.getKey(), component.getKey()), component.getKey());
            ObjectNode target = components.has(section.getKey())
                    ? (ObjectNode) components.get(section.getKey())
                    : components.putObject(section.getKey());
            if (!target.has(name)) {
                target.set(name, component.getValue());
            }
        }));
        document.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith(PUBLIC_PREFIX) && !paths.has(path.getKey())) {
                paths.set(path.getKey(), path.getValue());
                path.getValue().fields().forEachRemaining(method -> {
                    if (METHODS.contains(method.getKey()) && method.getValue().isObject()) {
                        ObjectNode operation = (ObjectNode) method.getValue();
                        uniqueOperationId(service, operation, operationIds);
                        answers(operation, GATEWAY_ANSWERS);
                        if (proxied) {
                            answers(operation, PROXY_ANSWERS);
                        }
                    }
                });
            }
        });
        Set<String> known = new HashSet<>();
        tags.forEach(t -> known.add(t.path("name").asText()));
        for (JsonNode tag : document.path("tags")) {
            if (known.add(tag.path("name").asText())) {
                tags.add(tag);
            }
        }
    }

    private static void uniqueOperationId(String service, ObjectNode operation, Set<String> operationIds) {
        JsonNode id = operation.get("operationId");
        if (id == null || !id.isTextual()) {
            return;
        }
        String unique = id.asText();
        if (!operationIds.add(unique)) {
            unique = service + "_" + unique;
            operationIds.add(unique);
            operation.put("operationId", unique);
        }
    }

    /** The gateway's own answers, problem+json like every error, unless the operation documents that status already. */
    private static void answers(ObjectNode operation, Map<String, String> answers) {
        ObjectNode responses = operation.has("responses") && operation.get("responses").isObject()
                ? (ObjectNode) operation.get("responses")
                : operation.putObject("responses");
        answers.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(answer -> {
            if (!responses.has(answer.getKey())) {
                ObjectNode response = responses.putObject(answer.getKey()).put("description", answer.getValue());
                response.putObject("content").putObject(PROBLEM_JSON).putObject("schema").put("$ref", PROBLEM);
                if ("429".equals(answer.getKey())) {
                    response.putObject("headers").putObject("Retry-After")
                            .put("description", "Seconds until the client may ask again")
                            .putObject("schema").put("type", "integer");
                }
            }
        });
    }

    private static void keepUsedTags(ObjectNode paths, ArrayNode tags) {
        Set<String> used = new HashSet<>();
        paths.forEach(path -> path.forEach(operation -> operation.path("tags").forEach(t -> used.add(t.asText()))));
        for (int i = tags.size() - 1; i >= 0; i--) {
            if (!used.contains(tags.get(i).path("name").asText())) {
                tags.remove(i);
            }
        }
    }

    /**
     * Drops every component that nothing reaches from the paths (a service's operations-only endpoints, shared
     * examples of statuses it does not answer); security schemes stay.
     */
    static void pruneComponents(ObjectNode document) {
        JsonNode components = document.path("components");
        if (!components.isObject()) {
            return;
        }
        Set<String> reached = new HashSet<>();
        List<JsonNode> pending = new ArrayList<>();
        pending.add(document.path("paths"));
        while (!pending.isEmpty()) {
            JsonNode node = pending.remove(pending.size() - 1);
            Set<String> refs = new HashSet<>();
            collectRefs(node, refs);
            for (String ref : refs) {
                if (reached.add(ref)) {
                    JsonNode target = resolve(document, ref);
                    if (target != null) {
                        pending.add(target);
                    }
                }
            }
        }
        components.fields().forEachRemaining(section -> {
            if (!section.getKey().equals("securitySchemes") && section.getValue().isObject()) {
                List<String> unused = new ArrayList<>();
                section.getValue().fieldNames().forEachRemaining(name -> {
                    if (!reached.contains(ref(section.getKey(), name))) {
                        unused.add(name);
                    }
                });
                unused.forEach(((ObjectNode) section.getValue())::remove);
            }
        });
    }

    /** Every {@code $ref} in the document that points at nothing (a merge must leave none). */
    public static List<String> unresolvedRefs(JsonNode document) {
        Set<String> refs = new TreeSet<>();
        collectRefs(document, refs);
        return refs.stream().filter(ref -> resolve(document, ref) == null).toList();
    }

    private static JsonNode resolve(JsonNode document, String ref) {
        if (!ref.startsWith("#/")) {
            return null;
        }
        JsonNode node = document.at(ref.substring(1));
        return node.isMissingNode() ? null : node;
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                refs.add(ref.asText());
            }
        }
        node.forEach(child -> collectRefs(child, refs));
    }

    private static String ref(String section, String name) {
        return "#/components/" + section + "/" + name;
    }

    /** Points every {@code $ref} at a renamed component to its new name, throughout the document. */
    static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && renames.containsKey(ref.asText())) {
                String old = ref.asText();
                object.set("$ref", TextNode.valueOf(old.substring(0, old.lastIndexOf('/') + 1) + renames.get(old)));
            }
            for (Iterator<JsonNode> children = object.elements(); children.hasNext();) {
                rewriteRefs(children.next(), renames);
            }
        } else if (node.isArray()) {
            node.forEach(child -> rewriteRefs(child, renames));
        }
    }
}
