package se.kvinnohalsa.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON schemas for the custom resources in our manifests, from src/test/resources/crd-schemas/:
 * <ul>
 *   <li>Strimzi (kafka.strimzi.io/v1beta2 Kafka, KafkaNodePool, KafkaTopic, KafkaUser): the real CRDs, generated
 *       from io.strimzi:api model classes by scripts/regenerate-strimzi-crd-schemas.sh. The
 *       openAPIV3Schema of the served version is turned into a JSON schema (x-kubernetes-int-or-string,
 *       x-kubernetes-preserve-unknown-fields and nullable are translated) and made strict: objects
 *       with declared properties reject unknown fields, as kubectl's strict field validation does;</li>
 *   <li>CloudNativePG (postgresql.cnpg.io/v1 Cluster, ScheduledBackup): hand-written subsets, see
 *       the $comment in those files;</li>
 *   <li>prometheus-operator (monitoring.coreos.com/v1 PrometheusRule): generated from fabric8's model classes of its
 *       API by scripts/regenerate-prometheus-crd-schema.sh, made strict the same way.</li>
 * </ul>
 */
final class CrdSchemas {

    private static final String ROOT = "/crd-schemas/";
    private static final Map<String, String> STRIMZI = Map.of(
            "Kafka", "strimzi/kafkas.kafka.strimzi.io.yaml",
            "KafkaNodePool", "strimzi/kafkanodepools.kafka.strimzi.io.yaml",
            "KafkaTopic", "strimzi/kafkatopics.kafka.strimzi.io.yaml",
            "KafkaUser", "strimzi/kafkausers.kafka.strimzi.io.yaml");
    private static final Map<String, String> CNPG = Map.of(
            "Cluster", "cloudnative-pg/clusters.postgresql.cnpg.io.json",
            "ScheduledBackup", "cloudnative-pg/scheduledbackups.postgresql.cnpg.io.json");

    /** prometheus-operator (monitoring.coreos.com/v1): generated like Strimzi's, see scripts/. */
    private static final Map<String, String> PROMETHEUS = Map.of(
            "PrometheusRule", "prometheus-operator/prometheusrules.monitoring.coreos.com.yaml");
    private static final String PROMETHEUS_API = "monitoring.coreos.com/v1";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonSchema> CACHE = new LinkedHashMap<>();

    private CrdSchemas() {
    }

    /** True when there is a schema for this apiVersion and kind. */
    static boolean covers(String apiVersion, String kind) {
        return (PROMETHEUS_API.equals(apiVersion) && PROMETHEUS.containsKey(kind))
                || ("kafka.strimzi.io/v1beta2".equals(apiVersion) && STRIMZI.containsKey(kind))
                || ("postgresql.cnpg.io/v1".equals(apiVersion) && CNPG.containsKey(kind));
    }

    /** Schema violations of one custom resource, as "path: message" strings. */
    static List<String> validate(Map<String, Object> object) {
        String apiVersion = (String) object.get("apiVersion");
        String kind = (String) object.get("kind");
        JsonSchema schema = schema(apiVersion, kind);
        Set<ValidationMessage> messages = schema.validate(JSON.valueToTree(object));
        List<String> out = new ArrayList<>();
        messages.forEach(m -> out.add(m.getMessage()));
        return out;
    }

    static synchronized JsonSchema schema(String apiVersion, String kind) {
        return CACHE.computeIfAbsent(apiVersion + "/" + kind, k -> FACTORY.getSchema(load(apiVersion, kind)));
    }

    private static JsonNode load(String apiVersion, String kind) {
        if (PROMETHEUS.containsKey(kind) && PROMETHEUS_API.equals(apiVersion)) {
            return servedVersion(read(PROMETHEUS.get(kind), true), apiVersion, kind);
        }
        if (STRIMZI.containsKey(kind) && apiVersion.startsWith("kafka.strimzi.io/")) {
            JsonNode crd = read(STRIMZI.get(kind), true);
            String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
            for (JsonNode v : crd.path("spec").path("versions")) {
                if (version.equals(v.path("name").asText())) {
                    JsonNode openApi = v.path("schema").path("openAPIV3Schema");
                    if (openApi.isMissingNode()) {
                        throw new IllegalStateException("no openAPIV3Schema for " + apiVersion + " " + kind);
                    }
                    return toStrictJsonSchema(openApi.deepCopy());
                }
            }
            throw new IllegalStateException("CRD for " + kind + " does not serve " + version);
        }
        if (CNPG.containsKey(kind) && "postgresql.cnpg.io/v1".equals(apiVersion)) {
            return read(CNPG.get(kind), false);
        }
        throw new IllegalArgumentException("no schema for " + apiVersion + " " + kind);
    }

    /** The strict JSON schema of the CRD version that apiVersion names. */
    private static JsonNode servedVersion(JsonNode crd, String apiVersion, String kind) {
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        for (JsonNode v : crd.path("spec").path("versions")) {
            if (version.equals(v.path("name").asText()) && v.path("served").asBoolean(false)) {
                return toStrictJsonSchema(v.path("schema").path("openAPIV3Schema").deepCopy());
            }
        }
        throw new IllegalStateException("CRD for " + kind + " does not serve " + version);
    }

    private static JsonNode read(String resource, boolean yaml) {
        try (InputStream in = CrdSchemas.class.getResourceAsStream(ROOT + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + ROOT + resource);
            }
            return (yaml ? Yaml.MAPPER : JSON).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Turns a Kubernetes structural OpenAPI v3 schema into a JSON schema (draft 7) that rejects
     * unknown fields: the Kubernetes extensions are translated, descriptions and formats dropped.
     */
    static JsonNode toStrictJsonSchema(JsonNode node) {
        return toStrictJsonSchema(node, false);
    }

    /**
     * @param inLogic inside oneOf/anyOf/allOf/not: such clauses only constrain which declared fields
     *                are present (structural schemas allow nothing else there), so they stay open
     */
    private static JsonNode toStrictJsonSchema(JsonNode node, boolean inLogic) {
        if (node.isArray()) {
            for (JsonNode item : node) {
                toStrictJsonSchema(item, inLogic);
            }
            return node;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode schema = (ObjectNode) node;
        boolean preserveUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false) && !schema.has("type")) {
            ArrayNode types = schema.putArray("type");
            types.add("integer");
            types.add("string");
        }
        if (schema.path("nullable").asBoolean(false) && schema.path("type").isTextual()) {
            ArrayNode types = JsonNodeFactory.instance.arrayNode();
            types.add(schema.get("type").asText());
            types.add("null");
            schema.set("type", types);
        }
        for (Iterator<String> it = schema.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (field.startsWith("x-kubernetes-") || field.equals("nullable") || field.equals("format")
                    || field.equals("description")) {
                it.remove();
            }
        }
        if (schema.has("properties")) {
            schema.get("properties").fields().forEachRemaining(e -> toStrictJsonSchema(e.getValue(), inLogic));
            if (!preserveUnknown && !inLogic && !schema.has("additionalProperties")) {
                schema.put("additionalProperties", false);
            }
        }
        for (String key : List.of("items", "additionalProperties")) {
            if (schema.has(key) && !schema.get(key).isBoolean()) {
                toStrictJsonSchema(schema.get(key), inLogic);
            }
        }
        for (String key : List.of("oneOf", "anyOf", "allOf", "not")) {
            if (schema.has(key)) {
                toStrictJsonSchema(schema.get(key), true);
            }
        }
        return schema;
    }
}
