package se.kvinnohalsa.deploy.kubernetes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KustomizeRendererTest {

    @TempDir
    Path dir;

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: app
              labels: {a: "1"}
            spec:
              replicas: 2
              selector: {matchLabels: {a: "1"}}
              template:
                metadata: {labels: {a: "1"}}
                spec:
                  containers:
                    - name: app
                      image: kvinnohalsa/app:1.0.0
                      args: [one, two]
                      env:
                        - {name: A, value: a}
                        - {name: B, value: b}
                    - name: sidecar
                      image: other/sidecar:2
            """;

    private void write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private List<Map<String, Object>> renderOverlay(String overlayKustomization) throws IOException {
        write("base/deployment.yaml", DEPLOYMENT);
        write("base/extra.yaml", """
                # comment-only first document
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: cfg}
                data: {X: "1"}
                ---
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: t}
                spec: {partitions: 6, config: {a: 1}}
                """);
        write("base/kustomization.yaml", "resources: [deployment.yaml, extra.yaml]\n");
        write("overlay/kustomization.yaml", overlayKustomization);
        return new KustomizeRenderer().render(dir.resolve("overlay"));
    }

    @Test
    void resourcesFromDirectoriesAndMultiDocumentFiles() throws IOException {
        List<Map<String, Object>> out = renderOverlay("resources: [../base]\n");
        assertEquals(List.of("Deployment", "ConfigMap", "KafkaTopic"), out.stream().map(o -> o.get("kind")).toList());
    }

    @Test
    void namespaceLabelsReplicasAndImages() throws IOException {
        List<Map<String, Object>> out = renderOverlay("""
                namespace: ns
                resources: [../base]
                labels:
                  - pairs: {env: dev}
                    includeTemplates: true
                replicas:
                  - {name: app, count: 5}
                images:
                  - {name: kvinnohalsa/app, newName: reg.example/kvinnohalsa/app, newTag: "2.0.0"}
                """);
        Map<String, Object> d = out.get(0);
        assertEquals("ns", Yaml.at(d, "metadata.namespace"));
        assertEquals("ns", Yaml.at(out.get(2), "metadata.namespace"));
        assertEquals("dev", Yaml.at(d, "metadata.labels.env"));
        assertEquals("dev", Yaml.at(d, "spec.template.metadata.labels.env"));
        assertNull(Yaml.at(d, "spec.selector.matchLabels.env"), "selectors are left alone");
        assertEquals("dev", Yaml.at(out.get(1), "metadata.labels.env"));
        assertEquals(5, Yaml.at(d, "spec.replicas"));
        List<Object> containers = Yaml.asList(Yaml.at(d, "spec.template.spec.containers"), "c");
        assertEquals("reg.example/kvinnohalsa/app:2.0.0", Yaml.asMap(containers.get(0), "c").get("image"));
        assertEquals("other/sidecar:2", Yaml.asMap(containers.get(1), "c").get("image"));
    }

    @Test
    void strategicMergePatchMergesContainersAndEnvByNameAndReplacesOtherLists() throws IOException {
        write("overlay/patch.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  replicas: null
                  template:
                    spec:
                      containers:
                        - name: app
                          args: [three]
                          env:
                            - {name: B, value: patched}
                            - {name: C, value: c}
                        - name: added
                          image: x/added:1
                """);
        Map<String, Object> d = renderOverlay("resources: [../base]\npatches:\n  - path: patch.yaml\n").get(0);
        assertNull(Yaml.at(d, "spec.replicas"), "null removes a key");
        List<Object> containers = Yaml.asList(Yaml.at(d, "spec.template.spec.containers"), "c");
        assertEquals(List.of("app", "sidecar", "added"),
                containers.stream().map(c -> ((Map<?, ?>) c).get("name")).toList());
        Map<String, Object> app = Yaml.asMap(containers.get(0), "app");
        assertEquals("kvinnohalsa/app:1.0.0", app.get("image"), "untouched fields stay");
        assertEquals(List.of("three"), app.get("args"), "lists without merge key are replaced");
        assertEquals(List.of(Map.of("name", "A", "value", "a"), Map.of("name", "B", "value", "patched"),
                Map.of("name", "C", "value", "c")), app.get("env"));
    }

    @Test
    void patchOfCustomResourceMergesMaps() throws IOException {
        write("overlay/topic.yaml", """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: t}
                spec: {config: {b: 2}}
                """);
        Map<String, Object> t = renderOverlay("resources: [../base]\npatches:\n  - path: topic.yaml\n").get(2);
        assertEquals(Map.of("a", 1, "b", 2), Yaml.at(t, "spec.config"));
        assertEquals(6, Yaml.at(t, "spec.partitions"));
    }

    @Test
    void patchMustMatchExactlyOneObject() throws IOException {
        write("overlay/patch.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: nope}\nspec: {}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> renderOverlay("resources: [../base]\npatches:\n  - path: patch.yaml\n"));
        assertTrue(e.getMessage().contains("matched 0"), e.getMessage());
    }

    @Test
    void unsupportedFeaturesFailLoudly() throws IOException {
        assertThrows(KustomizeRenderer.UnsupportedKustomizationException.class,
                () -> renderOverlay("resources: [../base]\nconfigMapGenerator: []\n"));
        assertThrows(KustomizeRenderer.UnsupportedKustomizationException.class,
                () -> renderOverlay(
                        "resources: [../base]\npatches:\n  - path: p.yaml\n    target: {kind: Deployment}\n"));
        assertThrows(KustomizeRenderer.UnsupportedKustomizationException.class,
                () -> renderOverlay("resources: [../base]\nlabels:\n  - pairs: {a: b}\n    includeSelectors: true\n"));
    }

    @Test
    void duplicateObjectsAreRejected() throws IOException {
        assertThrows(IllegalArgumentException.class,
                () -> renderOverlay("resources: [../base, ../base/deployment.yaml]\n"));
    }

    @Test
    void retagKeepsOrReplacesTagAndDigest() {
        Map<String, Object> image = Map.of("name", "reg:5000/a/b", "newTag", "2");
        assertEquals("reg:5000/a/b:2", KustomizeRenderer.retag("reg:5000/a/b:1", image));
        assertEquals("reg:5000/a/b:2", KustomizeRenderer.retag("reg:5000/a/b", image));
        assertEquals("reg:5000/a/c:1", KustomizeRenderer.retag("reg:5000/a/c:1", image));
        assertEquals("a/b@sha256:ff", KustomizeRenderer.retag("a/b:1", Map.of("name", "a/b", "digest", "sha256:ff")));
    }
}
