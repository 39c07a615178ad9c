package se.kvinnohalsa.deploy.kubernetes;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.kvinnohalsa.events.Topics;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What each overlay lets in: Kafka users and their ACLs (least privilege, only a topic's owner writes to it), token
 * audience, trusted proxies, and management endpoints kept off the public path.
 */
class AccessTest {

    /** Which topics each service consumes (its application properties), hence reads and dead-letters. */
    static final Map<String, Set<String>> CONSUMES = Map.of(
            "allocation-service", Set.of(Topics.REPORT_EVENTS),
            "reporting-service", Set.of(Topics.ALLOCATION_EVENTS),
            "indicators-service", Set.of(Topics.REPORT_EVENTS),
            "gateway", Set.of(Topics.ALLOCATION_EVENTS, Topics.REPORT_EVENTS, Topics.INDICATOR_EVENTS));

    /** user -> "type:name(pattern)" -> operations. */
    private static Map<String, Map<String, Set<String>>> acls(List<Map<String, Object>> objects) {
        Map<String, Map<String, Set<String>>> acls = new TreeMap<>();
        for (Map<String, Object> user : OverlaysTest.ofKind(objects, "KafkaUser")) {
            Map<String, Set<String>> granted = new TreeMap<>();
            for (Object acl : Yaml.asList(Yaml.at(user, "spec.authorization.acls"), "acls")) {
                Map<String, Object> rule = Yaml.asMap(acl, "acl");
                assertEquals(null, rule.get("type"), "only allow rules (the default), no deny exceptions");
                String resource = Yaml.at(rule, "resource.type") + ":" + Yaml.at(rule, "resource.name") + "("
                        + Yaml.at(rule, "resource.patternType") + ")";
                granted.computeIfAbsent(resource, r -> new TreeSet<>())
                        .addAll(Yaml.asList(rule.get("operations"), "operations").stream().map(String::valueOf)
                                .toList());
            }
            acls.put((String) Yaml.at(user, "metadata.name"), granted);
        }
        return acls;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachServiceWritesOnlyItsOwnTopicAndReadsOnlyWhatItConsumes(String overlay) {
        Map<String, Map<String, Set<String>>> acls = acls(OverlaysTest.render(overlay));
        assertEquals(CONSUMES.keySet(), acls.keySet(), "one KafkaUser per service");
        for (Map.Entry<String, Map<String, Set<String>>> user : acls.entrySet()) {
            String service = user.getKey();
            Map<String, Set<String>> expected = new TreeMap<>();
            Topics.ownerOf(ownTopic(service)).ifPresent(owner -> {
                assertEquals("/" + service, owner, "the owner's CloudEvents source is its name");
                expected.put("topic:" + ownTopic(service) + "(literal)", Set.of("Write", "Describe"));
            });
            for (String topic : CONSUMES.get(service)) {
                expected.put("topic:" + topic + "(literal)", Set.of("Read", "Describe"));
                if (!service.equals("gateway")) {
                    expected.put("topic:" + Topics.deadLetter(topic) + "(literal)", Set.of("Write", "Describe"));
                }
            }
            expected.put(service.equals("gateway") ? "group:gateway(prefix)" : "group:" + service + "(literal)",
                    Set.of("Read"));
            assertEquals(expected, user.getValue(), overlay + " " + service);
        }
        // Whoever may write to a main topic is its owner, and nobody else.
        for (String topic : Topics.OWNERS.keySet()) {
            List<String> writers = acls.entrySet().stream()
                    .filter(u -> u.getValue().getOrDefault("topic:" + topic + "(literal)", Set.of()).contains("Write"))
                    .map(u -> "/" + u.getKey()).toList();
            assertEquals(List.of(Topics.OWNERS.get(topic)), writers, topic);
        }
        assertFalse(acls.get("gateway").values().stream().anyMatch(ops -> ops.contains("Write")),
                "the internet-facing gateway writes nothing");
    }

    private static String ownTopic(String service) {
        return Topics.OWNERS.entrySet().stream().filter(e -> e.getValue().equals("/" + service))
                .map(Map.Entry::getKey).findFirst().orElse("none");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void servicesUseTheirOwnKafkaCredentialsOverTls(String overlay) {
        List<Map<String, Object>> objects = OverlaysTest.render(overlay);
        Map<?, ?> common = Yaml.asMap(Yaml.at(OverlaysTest.one(objects, "ConfigMap", "kvinnohalsa-common"), "data"),
                "data");
        assertEquals("SASL_SSL", common.get("KAFKA_SECURITY_PROTOCOL"));
        assertEquals("SCRAM-SHA-512", common.get("KAFKA_SASL_MECHANISM"));
        assertTrue(String.valueOf(common.get("KAFKA_BOOTSTRAP_SERVERS")).endsWith(":9093"), "the TLS listener");
        for (String service : CONSUMES.keySet()) {
            Map<String, Object> container = Yaml.asMap(Yaml.asList(Yaml.at(OverlaysTest.one(objects, "Deployment",
                    service), "spec.template.spec.containers"), "containers").get(0), "container");
            Map<String, Object> jaas = Yaml.asList(container.get("env"), "env").stream()
                    .map(e -> Yaml.asMap(e, "env")).filter(e -> ManifestValidator.KAFKA_JAAS.equals(e.get("name")))
                    .findFirst().orElseThrow();
            assertEquals(service, Yaml.at(jaas, "valueFrom.secretKeyRef.name"), "its own user's Secret");
            assertEquals(null, jaas.get("value"), "no credentials in the repository");
        }
        Map<String, Object> kafka = OverlaysTest.one(objects, "Kafka", "kvinnohalsa");
        List<Object> listeners = Yaml.asList(Yaml.at(kafka, "spec.kafka.listeners"), "listeners");
        assertEquals(1, listeners.size());
        assertEquals("scram-sha-512", Yaml.at(Yaml.asMap(listeners.get(0), "listener"), "authentication.type"));
        assertEquals(true, Yaml.at(Yaml.asMap(listeners.get(0), "listener"), "tls"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void tokensAreCheckedForThisEnvironmentsAudience(String overlay) {
        Map<?, ?> common = Yaml.asMap(Yaml.at(OverlaysTest.one(OverlaysTest.render(overlay), "ConfigMap",
                "kvinnohalsa-common"), "data"), "data");
        assertEquals(overlay.equals("prod") ? "kvinnohalsa-api" : "kvinnohalsa-api-dev",
                common.get("MP_JWT_VERIFY_AUDIENCES"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyTheIngressControllersForwardedAddressesAreBelieved(String overlay) {
        Map<?, ?> gateway = Yaml.asMap(Yaml.at(OverlaysTest.one(OverlaysTest.render(overlay), "ConfigMap",
                "gateway-config"), "data"), "data");
        String trusted = (String) gateway.get("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES");
        assertNotNull(trusted);
        assertTrue(trusted.matches("\\d+\\.\\d+\\.\\d+\\.\\d+/(8|9|1\\d|2\\d|3[0-2])"), trusted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void managementEndpointsAreOnTheirOwnPortForProbesAndPrometheusOnly(String overlay) {
        List<Map<String, Object>> objects = OverlaysTest.render(overlay);
        for (String service : CONSUMES.keySet()) {
            Map<String, Object> deployment = OverlaysTest.one(objects, "Deployment", service);
            Map<String, Object> container = Yaml.asMap(Yaml.asList(Yaml.at(deployment,
                    "spec.template.spec.containers"), "containers").get(0), "container");
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertEquals("management", Yaml.at(container, probe + ".httpGet.port"), service + " " + probe);
            }
            Map<?, ?> annotations = Yaml.asMap(Yaml.at(deployment, "spec.template.metadata.annotations"), "a");
            assertEquals("9000", annotations.get("prometheus.io/port"), service);
            Map<String, Object> policy = OverlaysTest.one(objects, "NetworkPolicy", service);
            String rules = Yaml.writeAll(List.of(Yaml.asMap(Yaml.at(policy, "spec"), "spec")));
            assertTrue(rules.contains("9000"), service + ": Prometheus reaches the management port");
        }
        Map<String, Object> common = OverlaysTest.one(objects, "ConfigMap", "kvinnohalsa-common");
        assertEquals("9000", Yaml.at(common, "data.QUARKUS_MANAGEMENT_PORT"));
        Map<?, ?> gatewayConfig = Yaml.asMap(Yaml.at(OverlaysTest.one(objects, "ConfigMap", "gateway-config"), "data"),
                "data");
        for (String service : List.of("allocation", "reporting", "indicators")) {
            assertEquals("http://" + service + "-service:9000",
                    gatewayConfig.get("GATEWAY_UPSTREAM_" + service.toUpperCase() + "_MANAGEMENT_URL"),
                    "the merged OpenAPI reads " + service + "'s document on its management port");
        }
    }
}
