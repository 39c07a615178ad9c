package se.kvinnohalsa.deploy.kubernetes;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Takes the valid rendered prod overlay, breaks one thing at a time, and expects the validator to say so. */
class ValidatorNegativeTest {

    private static List<Map<String, Object>> prod;

    @BeforeAll
    static void render() {
        prod = OverlaysTest.render("prod");
        assertEquals(List.of(), ManifestValidator.validate(prod, true), "baseline must be valid");
    }

    // ---------------------------------------------------------------------------- wrong types

    @Test
    void replicasAsWord() {
        expect("does not parse as Deployment", "Deployment", "allocation-service",
                d -> spec(d).put("replicas", "three"));
    }

    @Test
    void replicasAsQuotedNumberIsNotCoerced() {
        expect("does not parse as Deployment", "Deployment", "allocation-service", d -> spec(d).put("replicas", "3"));
    }

    @Test
    void configMapValueMustBeAString() {
        expect("does not parse as ConfigMap", "ConfigMap", "kvinnohalsa-common",
                c -> map(c, "data").put("QUARKUS_HTTP_PORT", 8080));
    }

    @Test
    void misspelledFieldIsReported() {
        expect("unknown field(s) [livenesProbe]", "Deployment", "gateway",
                d -> container(d).put("livenesProbe", container(d).remove("livenessProbe")));
    }

    @Test
    void unsupportedApiVersionIsReported() {
        expect("unsupported apiVersion/kind apps/v1beta1 Deployment", "Deployment", "gateway",
                d -> d.put("apiVersion", "apps/v1beta1"));
    }

    // ------------------------------------------------------------------------------- policies

    @Test
    void missingLivenessProbe() {
        expect("container gateway: livenessProbe is missing", "Deployment", "gateway",
                d -> container(d).remove("livenessProbe"));
    }

    @Test
    void missingStartupProbe() {
        expect("startupProbe is missing", "Deployment", "reporting-service", d -> container(d).remove("startupProbe"));
    }

    @Test
    void readinessProbeOnWrongPath() {
        expect("readinessProbe must be an HTTP GET of /q/health/ready", "Deployment", "gateway",
                d -> map(map(container(d), "readinessProbe"), "httpGet").put("path", "/health"));
    }

    @Test
    void runAsNonRootFalse() {
        expect("runAsNonRoot must be true", "Deployment", "indicators-service",
                d -> map(container(d), "securityContext").put("runAsNonRoot", false));
    }

    @Test
    void runAsRootUser() {
        expect("runs as root (runAsUser 0)", "Deployment", "indicators-service",
                d -> map(container(d), "securityContext").put("runAsUser", 0));
    }

    @Test
    void writableRootFilesystem() {
        expect("readOnlyRootFilesystem must be true", "Deployment", "gateway",
                d -> map(container(d), "securityContext").remove("readOnlyRootFilesystem"));
    }

    @Test
    void privilegeEscalationAllowed() {
        expect("allowPrivilegeEscalation must be false", "Deployment", "gateway",
                d -> map(container(d), "securityContext").put("allowPrivilegeEscalation", true));
    }

    @Test
    void missingLimits() {
        expect("resources.limits.memory is missing", "Deployment", "allocation-service",
                d -> map(container(d), "resources").remove("limits"));
    }

    @Test
    void latestImageInProduction() {
        expect("must use a pinned release tag", "Deployment", "gateway",
                d -> container(d).put("image", "registry.example.invalid/kvinnohalsa/gateway:latest"));
    }

    @Test
    void untaggedImage() {
        expect("has no tag", "Deployment", "gateway", d -> container(d).put("image", "kvinnohalsa/gateway"));
    }

    @Test
    void passwordAsLiteral() {
        expect("QUARKUS_DATASOURCE_PASSWORD must come from a Secret", "Deployment", "allocation-service", d -> {
            Map<String, Object> env = Yaml.asMap(Yaml.asList(container(d).get("env"), "env").get(1), "env");
            env.remove("valueFrom");
            env.put("value", "hunter2");
        });
    }

    @Test
    void secretWithData() {
        List<Map<String, Object>> broken = Yaml.deepCopy(prod);
        Map<String, Object> secret = new LinkedHashMap<>(Map.of("apiVersion", "v1", "kind", "Secret",
                "metadata", new LinkedHashMap<>(Map.of("name", "oops", "namespace", "kvinnohalsa")),
                "data", Map.of("password", "aHVudGVyMg==")));
        broken.add(secret);
        assertReports(broken, "Secret oops: contains values");
    }

    @Test
    void missingPdb() {
        assertReports(without("PodDisruptionBudget", "gateway"), "Deployment gateway: no PodDisruptionBudget");
    }

    @Test
    void missingService() {
        assertReports(without("Service", "reporting-service"), "Deployment reporting-service: no Service");
    }

    @Test
    void missingHpa() {
        assertReports(without("HorizontalPodAutoscaler", "indicators-service"),
                "Deployment indicators-service: no HorizontalPodAutoscaler");
    }

    @Test
    void missingNetworkPolicy() {
        assertReports(without("NetworkPolicy", "allocation-service").stream()
                .filter(o -> !"kvinnohalsa-default-deny".equals(Yaml.at(o, "metadata.name"))).toList(),
                "Deployment allocation-service: no NetworkPolicy");
    }

    @Test
    void loadBalancerService() {
        expect("exposes it outside the cluster", "Service", "allocation-service",
                s -> spec(s).put("type", "LoadBalancer"));
    }

    // ---------------------------------------------------- management port, Kafka credentials, access

    @Test
    void probeOnThePublicPort() {
        expect("readinessProbe must use the port named management", "Deployment", "reporting-service",
                d -> map(map(container(d), "readinessProbe"), "httpGet").put("port", "http"));
    }

    @Test
    void prometheusScrapingThePublicPort() {
        expect("prometheus.io/port must be the management port", "Deployment", "gateway",
                d -> map(map(map(spec(d), "template"), "metadata"), "annotations").put("prometheus.io/port", "8080"));
    }

    @Test
    void ingressToTheManagementPort() {
        expect("may reach only the gateway's port named http", "Ingress", "gateway", i -> map(map(map(Yaml.asMap(
                Yaml.asList(Yaml.at(Yaml.asMap(Yaml.asList(spec(i).get("rules"), "rules").get(0), "rule"),
                        "http.paths"), "paths").get(0),
                "path"), "backend"), "service"), "port")
                .put("name", "management"));
    }

    @Test
    void ingressControllerReachingTheManagementPort() {
        expect("the ingress controller may not reach the management port", "NetworkPolicy", "gateway",
                n -> Yaml.asList(Yaml.asMap(Yaml.asList(spec(n).get("ingress"), "ingress").get(0), "rule").get("ports"),
                        "ports").add(new LinkedHashMap<>(Map.of("protocol", "TCP", "port", 9000))));
    }

    @Test
    void deploymentWithoutKafkaCredentials() {
        expect("KAFKA_SASL_JAAS_CONFIG must come from the sasl.jaas.config key of a KafkaUser's Secret", "Deployment",
                "indicators-service", d -> Yaml.asList(container(d).get("env"), "env")
                        .removeIf(e -> "KAFKA_SASL_JAAS_CONFIG".equals(Yaml.asMap(e, "env").get("name"))));
    }

    @Test
    void kafkaCredentialsAsLiteral() {
        expect("KAFKA_SASL_JAAS_CONFIG must come from a Secret", "Deployment", "gateway", d -> {
            Map<String, Object> env = Yaml.asMap(Yaml.asList(container(d).get("env"), "env").stream()
                    .filter(e -> "KAFKA_SASL_JAAS_CONFIG".equals(Yaml.asMap(e, "env").get("name"))).findFirst()
                    .orElseThrow(), "env");
            env.remove("valueFrom");
            env.put("value", "org.apache.kafka.common.security.scram.ScramLoginModule required password=\"x\";");
        });
    }

    @Test
    void kafkaListenerWithoutAuthentication() {
        expect("listener tls accepts clients without authentication", "Kafka", "kvinnohalsa", k -> Yaml.asMap(
                Yaml.asList(Yaml.at(k, "spec.kafka.listeners"), "listeners").get(0), "listener")
                .remove("authentication"));
    }

    @Test
    void kafkaWithoutAcls() {
        expect("spec.kafka.authorization.type must be simple", "Kafka", "kvinnohalsa",
                k -> map(spec(k), "kafka").remove("authorization"));
    }

    @Test
    void kafkaUserWithUnknownOperation() {
        expect("KafkaUser gateway: schema:", "KafkaUser", "gateway", u -> Yaml.asMap(Yaml.asList(
                Yaml.at(u, "spec.authorization.acls"), "acls").get(0), "acl")
                .put("operations", new ArrayList<>(List.of("Reed"))));
    }

    @Test
    void kafkaUserWithoutPassword() {
        expect("spec.authentication.type must be scram-sha-512", "KafkaUser", "reporting-service",
                u -> map(spec(u), "authentication").put("type", "tls"));
    }

    @Test
    void noTokenAudience() {
        expect("MP_JWT_VERIFY_AUDIENCES (the tokens' audience) is missing", "ConfigMap", "kvinnohalsa-common",
                c -> map(c, "data").remove("MP_JWT_VERIFY_AUDIENCES"));
    }

    @Test
    void everyPeerTrustedAsProxy() {
        expect("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES must name the ingress controller's addresses", "ConfigMap",
                "gateway-config", c -> map(c, "data").put("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "0.0.0.0/0"));
    }

    // ------------------------------------------------------------------ custom resources (CRDs)

    @Test
    void kafkaTopicPartitionsAsWord() {
        expect("KafkaTopic allocation-events: schema:", "KafkaTopic", "allocation-events",
                t -> spec(t).put("partitions", "six"));
    }

    @Test
    void kafkaTopicUnknownField() {
        expect("KafkaTopic report-events: schema:", "KafkaTopic", "report-events", t -> spec(t).put("partitons", 6));
    }

    @Test
    void kafkaListenerWithUnknownType() {
        expect("Kafka kvinnohalsa: schema:", "Kafka", "kvinnohalsa", k -> Yaml.asMap(
                Yaml.asList(Yaml.at(k, "spec.kafka.listeners"), "listeners").get(0), "listener")
                .put("type", "internl"));
    }

    @Test
    void nodePoolWithUnknownRole() {
        expect("KafkaNodePool dual-role: schema:", "KafkaNodePool", "dual-role",
                p -> spec(p).put("roles", new ArrayList<>(List.of("broker", "worker"))));
    }

    @Test
    void topicForUnknownKafkaCluster() {
        expect("label strimzi.io/cluster does not name a Kafka", "KafkaTopic", "indicator-events",
                t -> map(map(t, "metadata"), "labels").put("strimzi.io/cluster", "other"));
    }

    @Test
    void postgresClusterWithoutInstances() {
        expect("Cluster allocation-db: schema:", "Cluster", "allocation-db", c -> spec(c).put("instances", 0));
    }

    @Test
    void postgresClusterWithBadRetention() {
        expect("Cluster reporting-db: schema:", "Cluster", "reporting-db",
                c -> map(spec(c), "backup").put("retentionPolicy", "30 days"));
    }

    @Test
    void postgresClusterUnknownField() {
        expect("Cluster indicators-db: schema:", "Cluster", "indicators-db", c -> spec(c).put("replicas", 3));
    }

    @Test
    void scheduledBackupWithUnknownMethod() {
        expect("ScheduledBackup allocation-db-nightly: schema:", "ScheduledBackup", "allocation-db-nightly",
                b -> spec(b).put("method", "s3"));
    }

    // -------------------------------------------------------------------------------- helpers

    private static void expect(String message, String kind, String name, Consumer<Map<String, Object>> breakIt) {
        List<Map<String, Object>> broken = Yaml.deepCopy(prod);
        breakIt.accept(OverlaysTest.one(broken, kind, name));
        assertReports(broken, message);
    }

    private static void assertReports(List<Map<String, Object>> objects, String message) {
        List<String> violations = ManifestValidator.validate(objects, true);
        assertTrue(violations.stream().anyMatch(v -> v.contains(message)),
                "expected a violation containing '" + message + "' but got " + violations);
    }

    private static List<Map<String, Object>> without(String kind, String name) {
        return Yaml.deepCopy(prod).stream()
                .filter(o -> !(kind.equals(o.get("kind")) && name.equals(Yaml.at(o, "metadata.name")))).toList();
    }

    private static Map<String, Object> spec(Map<String, Object> object) {
        return map(object, "spec");
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return Yaml.asMap(parent.get(key), key);
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        return Yaml.asMap(Yaml.asList(Yaml.at(deployment, "spec.template.spec.containers"), "containers").get(0),
                "container");
    }
}
