package se.kvinnohalsa.deploy.kubernetes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the subset of Kustomize that
 * deploy/kubernetes uses; anything else fails loudly instead of being ignored. Supported fields of
 * kustomization.yaml:
 * <ul>
 *   <li>{@code resources}: files (multi-document YAML) and directories holding a kustomization.yaml,
 *       rendered recursively;</li>
 *   <li>{@code patches}: entries with only {@code path}, pointing at a one-document strategic-merge
 *       patch matched by apiVersion + kind + metadata.name: maps are merged deeply, a null value
 *       removes a key, the lists {@code containers}, {@code initContainers}, {@code env} and
 *       {@code volumes} of built-in kinds are merged by {@code name}, every other list is replaced
 *       (as Kustomize does for custom resources and for lists without a merge key);</li>
 *   <li>{@code namespace}: set on every namespaced object;</li>
 *   <li>{@code labels}: {@code pairs} added to metadata.labels, and with {@code includeTemplates: true}
 *       to the pod template labels of workloads ({@code includeSelectors: true} is not supported);</li>
 *   <li>{@code replicas}: {@code name} + {@code count} of a Deployment, StatefulSet or ReplicaSet;</li>
 *   <li>{@code images}: {@code name} + {@code newName}/{@code newTag}/{@code digest}, applied to every
 *       {@code image} in a {@code containers} or {@code initContainers} list.</li>
 * </ul>
 * Transformations run in Kustomize's order: patches, namespace, labels, replicas, images.
 */
final class KustomizeRenderer {

    static final class UnsupportedKustomizationException extends RuntimeException {
        UnsupportedKustomizationException(String message) {
            super(message);
        }
    }

    private static final Set<String> SUPPORTED_FIELDS = Set.of("apiVersion", "kind", "resources", "namespace", "labels",
            "images", "replicas", "patches");

    /** Lists that strategic merge patch merges by the "name" key in built-in Kubernetes kinds. */
    private static final Set<String> MERGE_BY_NAME = Set.of("containers", "initContainers", "env", "volumes");

    private static final Set<String> CLUSTER_SCOPED_KINDS = Set.of("Namespace", "CustomResourceDefinition",
            "ClusterRole", "ClusterRoleBinding", "PersistentVolume", "StorageClass", "IngressClass",
            "PriorityClass", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration");

    private static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
            "Job");

    private static final Set<String> SCALABLE_KINDS = Set.of("Deployment", "StatefulSet", "ReplicaSet");

    List<Map<String, Object>> render(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no kustomization.yaml in " + dir);
        }
        Map<String, Object> kustomization = Yaml.readSingle(file);
        for (String field : kustomization.keySet()) {
            if (!SUPPORTED_FIELDS.contains(field)) {
                throw new UnsupportedKustomizationException(file + ": field '" + field
                        + "' is not supported by this renderer (supported: " + SUPPORTED_FIELDS + ")");
            }
        }

        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object entry : list(kustomization, "resources", file)) {
            Path resource = dir.resolve(string(entry, file + " resources")).normalize();
            if (Files.isDirectory(resource)) {
                objects.addAll(render(resource));
            } else if (Files.isRegularFile(resource)) {
                objects.addAll(Yaml.readAll(resource));
            } else {
                throw new IllegalArgumentException(file + ": resource not found: " + entry);
            }
        }
        checkUniqueIds(objects, file);

        for (Object entry : list(kustomization, "patches", file)) {
            applyPatch(objects, Yaml.asMap(entry, file + " patches"), dir, file);
        }
        if (kustomization.containsKey("namespace")) {
            String namespace = string(kustomization.get("namespace"), file + " namespace");
            for (Map<String, Object> object : objects) {
                if (!CLUSTER_SCOPED_KINDS.contains(object.get("kind"))) {
                    metadata(object).put("namespace", namespace);
                }
            }
        }
        for (Object entry : list(kustomization, "labels", file)) {
            applyLabels(objects, Yaml.asMap(entry, file + " labels"), file);
        }
        for (Object entry : list(kustomization, "replicas", file)) {
            applyReplicas(objects, Yaml.asMap(entry, file + " replicas"), file);
        }
        for (Object entry : list(kustomization, "images", file)) {
            Map<String, Object> image = Yaml.asMap(entry, file + " images");
            allowOnly(image, Set.of("name", "newName", "newTag", "digest"), file + " images");
            for (Map<String, Object> object : objects) {
                applyImage(object, image);
            }
        }
        return objects;
    }

    // ----------------------------------------------------------------------------------- patches

    private static void applyPatch(List<Map<String, Object>> objects, Map<String, Object> entry, Path dir, Path file) {
        allowOnly(entry, Set.of("path"), file + " patches (only 'path' is supported)");
        Path patchFile = dir.resolve(string(entry.get("path"), file + " patches.path")).normalize();
        Map<String, Object> patch = Yaml.readSingle(patchFile);
        String kind = string(patch.get("kind"), patchFile + " kind");
        String apiVersion = string(patch.get("apiVersion"), patchFile + " apiVersion");
        String name = string(Yaml.at(patch, "metadata.name"), patchFile + " metadata.name");
        List<Map<String, Object>> targets = objects.stream()
                .filter(o -> kind.equals(o.get("kind")) && apiVersion.equals(o.get("apiVersion"))
                        && name.equals(Yaml.at(o, "metadata.name")))
                .toList();
        if (targets.size() != 1) {
            throw new IllegalArgumentException(patchFile + ": patch must match exactly one object "
                    + apiVersion + " " + kind + " " + name + ", matched " + targets.size());
        }
        merge(targets.get(0), patch, isBuiltIn(apiVersion), patchFile.toString());
    }

    /** Strategic-merge-style deep merge of {@code patch} into {@code target} (which is modified). */
    static void merge(Map<String, Object> target, Map<String, Object> patch, boolean builtIn, String where) {
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            if (key.startsWith("$")) {
                throw new UnsupportedKustomizationException(where + ": patch directive '" + key + "' is not supported");
            }
            if (value == null) {
                target.remove(key);
            } else if (value instanceof Map<?, ?> && target.get(key) instanceof Map<?, ?>) {
                merge(Yaml.asMap(target.get(key), where), Yaml.asMap(value, where), builtIn, where + "." + key);
            } else if (builtIn && MERGE_BY_NAME.contains(key) && value instanceof List<?>
                    && target.get(key) instanceof List<?>) {
                mergeByName(Yaml.asList(target.get(key), where), Yaml.asList(value, where), where + "." + key);
            } else {
                target.put(key, Yaml.deepCopy(value));
            }
        }
    }

    private static void mergeByName(List<Object> target, List<Object> patch, String where) {
        for (Object item : patch) {
            Map<String, Object> patchItem = Yaml.asMap(item, where);
            Object name = patchItem.get("name");
            if (name == null) {
                throw new IllegalArgumentException(where + ": list item without 'name' cannot be merged");
            }
            Map<String, Object> existing = null;
            for (Object candidate : target) {
                if (candidate instanceof Map<?, ?> m && name.equals(m.get("name"))) {
                    existing = Yaml.asMap(candidate, where);
                }
            }
            if (existing == null) {
                target.add(Yaml.deepCopy(patchItem));
            } else {
                merge(existing, patchItem, true, where + "[" + name + "]");
            }
        }
    }

    private static boolean isBuiltIn(String apiVersion) {
        // Built-in groups are either the core group ("v1") or have no dot / end in .k8s.io.
        if (!apiVersion.contains("/")) {
            return true;
        }
        String group = apiVersion.substring(0, apiVersion.indexOf('/'));
        return !group.contains(".") || group.endsWith(".k8s.io");
    }

    // ------------------------------------------------------------------ labels, replicas, images

    private static void applyLabels(List<Map<String, Object>> objects, Map<String, Object> entry, Path file) {
        allowOnly(entry, Set.of("pairs", "includeSelectors", "includeTemplates"), file + " labels");
        if (Boolean.TRUE.equals(entry.get("includeSelectors"))) {
            throw new UnsupportedKustomizationException(file + ": labels.includeSelectors: true is not supported");
        }
        boolean templates = Boolean.TRUE.equals(entry.get("includeTemplates"));
        Map<String, Object> pairs = Yaml.asMap(entry.get("pairs"), file + " labels.pairs");
        for (Map<String, Object> object : objects) {
            childMap(metadata(object), "labels").putAll(pairs);
            if (templates && WORKLOAD_KINDS.contains(object.get("kind"))) {
                Map<String, Object> template = childMap(childMap(object, "spec"), "template");
                childMap(childMap(template, "metadata"), "labels").putAll(pairs);
            }
        }
    }

    private static void applyReplicas(List<Map<String, Object>> objects, Map<String, Object> entry, Path file) {
        allowOnly(entry, Set.of("name", "count"), file + " replicas");
        String name = string(entry.get("name"), file + " replicas.name");
        if (!(entry.get("count") instanceof Integer count)) {
            throw new IllegalArgumentException(file + ": replicas.count must be an integer");
        }
        List<Map<String, Object>> targets = objects.stream()
                .filter(o -> SCALABLE_KINDS.contains(o.get("kind")) && name.equals(Yaml.at(o, "metadata.name")))
                .toList();
        if (targets.isEmpty()) {
            throw new IllegalArgumentException(file + ": replicas: no workload named " + name);
        }
        targets.forEach(t -> childMap(t, "spec").put("replicas", count));
    }

    private static void applyImage(Object node, Map<String, Object> image) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (("containers".equals(e.getKey()) || "initContainers".equals(e.getKey()))
                        && e.getValue() instanceof List<?> containers) {
                    for (Object container : containers) {
                        if (container instanceof Map<?, ?> c && c.get("image") instanceof String ref) {
                            Yaml.asMap(c, "container").put("image", retag(ref, image));
                        }
                    }
                }
                applyImage(e.getValue(), image);
            }
        } else if (node instanceof List<?> list) {
            list.forEach(item -> applyImage(item, image));
        }
    }

    /** Applies one {@code images} entry to an image reference name[:tag][@digest]. */
    static String retag(String reference, Map<String, Object> image) {
        String name = reference;
        String digest = null;
        int at = name.indexOf('@');
        if (at >= 0) {
            digest = name.substring(at + 1);
            name = name.substring(0, at);
        }
        String tag = null;
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            tag = name.substring(colon + 1);
            name = name.substring(0, colon);
        }
        if (!name.equals(image.get("name"))) {
            return reference;
        }
        if (image.get("newName") != null) {
            name = image.get("newName").toString();
        }
        if (image.get("newTag") != null) {
            tag = image.get("newTag").toString();
        }
        if (image.get("digest") != null) {
            digest = image.get("digest").toString();
            tag = null;
        }
        return name + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }

    // ------------------------------------------------------------------------------------ helpers

    private static void checkUniqueIds(List<Map<String, Object>> objects, Path file) {
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> object : objects) {
            String id = object.get("apiVersion") + " " + object.get("kind") + " " + Yaml.at(object, "metadata.name");
            if (!seen.add(id)) {
                throw new IllegalArgumentException(file + ": duplicate object " + id);
            }
        }
    }

    private static Map<String, Object> metadata(Map<String, Object> object) {
        return childMap(object, "metadata");
    }

    private static Map<String, Object> childMap(Map<String, Object> parent, String key) {
        Object child = parent.get(key);
        if (child == null) {
            Map<String, Object> created = new LinkedHashMap<>();
            parent.put(key, created);
            return created;
        }
        return Yaml.asMap(child, key);
    }

    private static List<Object> list(Map<String, Object> kustomization, String field, Path file) {
        Object value = kustomization.get(field);
        return value == null ? List.of() : Yaml.asList(value, file + " " + field);
    }

    private static String string(Object value, String where) {
        if (!(value instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException(where + ": expected a non-empty string but found " + value);
        }
        return s;
    }

    private static void allowOnly(Map<String, Object> entry, Set<String> allowed, String where) {
        for (String key : entry.keySet()) {
            if (!allowed.contains(key)) {
                throw new UnsupportedKustomizationException(where + ": '" + key + "' is not supported");
            }
        }
    }
}
