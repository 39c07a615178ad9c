package se.kvinnohalsa.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One OpenAPI document from the gateway's own and the services' documents: every path under {@code /api/v1} (what the
 * gateway serves), tags and components. A component name that two services use for different things is kept apart by
 * prefixing the later one with its service name (and every {@code $ref} to it in that service's document).
 */
public final class OpenApiMerger {

    static final String PUBLIC_PREFIX = "/api/v1/";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

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
        merged.set("info", JSON.objectNode().put("title", "Kvinnohälsa API")
                .put("version", base.path("info").path("version").asText("1"))
                .put("description", "The public API of the platform, merged from the gateway's and the services' own "
                        + "documents. Reach every path through the gateway."));
        ObjectNode paths = merged.putObject("paths");
        ArrayNode tags = merged.putArray("tags");
        ObjectNode components = merged.putObject("components");
        add("gateway", base, paths, tags, components);
        services.forEach((service, document) -> add(service, document.deepCopy(), paths, tags, components));
        if (!missing.isEmpty()) {
            ArrayNode unavailable = merged.putArray("x-unavailable-services");
            missing.forEach(unavailable::add);
        }
        return merged;
    }

    private static void add(String service, JsonNode document, ObjectNode paths, ArrayNode tags,
            ObjectNode components) {
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
