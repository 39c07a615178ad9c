package se.kvinnohalsa.deploy.kubernetes;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Renders every overlay, validates it, and checks what distinguishes dev from prod. */
class OverlaysTest {

    static final Path KUBERNETES_DIR = Path.of(System.getProperty("kubernetes.dir", "."));
    static final List<String> MAIN_TOPICS = List.of("allocation-events", "report-events", "indicator-events");

    static List<Map<String, Object>> render(String overlay) {
        return new KustomizeRenderer().render(KUBERNETES_DIR.resolve("overlays").resolve(overlay));
    }

    static boolean isRelease(String overlay) {
        return overlay.equals("prod");
    }

    @BeforeAll
    static void writeRenderedOverlays() throws IOException {
        Path out = KUBERNETES_DIR.resolve("target/rendered");
        Files.createDirectories(out);
        for (String overlay : overlays()) {
            Files.writeString(out.resolve(overlay + ".yaml"), Yaml.writeAll(render(overlay)));
        }
    }

    static List<String> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(KUBERNETES_DIR.resolve("overlays"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void thereAreDevAndProdOverlays() throws IOException {
        assertTrue(overlays().containsAll(List.of("dev", "prod")), overlays().toString());
    }

    @Test
    void everyOverlayIsValid() throws IOException {
        for (String overlay : overlays()) {
            List<String> violations = ManifestValidator.validate(render(overlay), isRelease(overlay));
            assertEquals(List.of(), violations, "overlay " + overlay);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void topicsArePartitionedByRegionWithRetention(String overlay) {
        List<Map<String, Object>> topics = ofKind(render(overlay), "KafkaTopic");
        assertEquals(6, topics.size());
        for (Map<String, Object> topic : topics) {
            String name = (String) Yaml.at(topic, "spec.topicName");
            Map<String, Object> config = Yaml.asMap(Yaml.at(topic, "spec.config"), name);
            long days = ((Number) config.get("retention.ms")).longValue() / 86_400_000L;
            if (MAIN_TOPICS.contains(name)) {
                assertEquals(6, Yaml.at(topic, "spec.partitions"), name);
                assertEquals(30, days, name);
            } else {
                assertTrue(name.endsWith(".dlq") && MAIN_TOPICS.contains(name.replace(".dlq", "")), name);
                assertEquals(14, days, name);
            }
        }
    }

    @Test
    void devIsSmall() {
        List<Map<String, Object>> dev = render("dev");
        assertEquals(1, Yaml.at(one(dev, "KafkaNodePool", "dual-role"), "spec.replicas"));
        Map<?, ?> config = (Map<?, ?>) Yaml.at(one(dev, "Kafka", "kvinnohalsa"), "spec.kafka.config");
        assertEquals(1, config.get("default.replication.factor"));
        assertEquals(1, config.get("min.insync.replicas"));
        for (Map<String, Object> cluster : ofKind(dev, "Cluster")) {
            assertEquals(1, Yaml.at(cluster, "spec.instances"));
            assertEquals(null, Yaml.at(cluster, "spec.backup"));
        }
        assertEquals(List.of(), ofKind(dev, "ScheduledBackup"));
        assertEquals("kvinnohalsa-dev", Yaml.at(one(dev, "Deployment", "gateway"), "metadata.namespace"));
    }

    @Test
    void prodIsHighlyAvailableAndBackedUp() {
        List<Map<String, Object>> prod = render("prod");
        assertEquals(3, Yaml.at(one(prod, "KafkaNodePool", "dual-role"), "spec.replicas"));
        Map<?, ?> config = (Map<?, ?>) Yaml.at(one(prod, "Kafka", "kvinnohalsa"), "spec.kafka.config");
        assertEquals(3, config.get("default.replication.factor"));
        assertEquals(2, config.get("min.insync.replicas"));
        for (Map<String, Object> cluster : ofKind(prod, "Cluster")) {
            assertEquals(3, Yaml.at(cluster, "spec.instances"));
            assertTrue(Yaml.at(cluster, "spec.backup.barmanObjectStore.destinationPath") instanceof String);
        }
        assertEquals(3, ofKind(prod, "ScheduledBackup").size());
        assertEquals(2, Yaml.at(one(prod, "Deployment", "allocation-service"), "spec.replicas"));
        Map<String, Object> gateway = one(prod, "Deployment", "gateway");
        List<Object> containers = Yaml.asList(Yaml.at(gateway, "spec.template.spec.containers"), "containers");
        assertEquals("registry.example.invalid/kvinnohalsa/gateway:1.0.0",
                Yaml.asMap(containers.get(0), "c").get("image"));
        assertEquals("kvinnohalsa", Yaml.at(gateway, "metadata.namespace"));
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    static Map<String, Object> one(List<Map<String, Object>> objects, String kind, String name) {
        List<Map<String, Object>> found = ofKind(objects, kind).stream()
                .filter(o -> name.equals(Yaml.at(o, "metadata.name"))).toList();
        assertEquals(1, found.size(), kind + " " + name);
        return found.get(0);
    }
}
