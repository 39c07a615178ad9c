package se.kvinnohalsa.deploy.kubernetes;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks a rendered overlay: every object is parsed strictly into its fabric8 model type (built-in
 * kinds) or validated against its CRD schema (Strimzi, CloudNativePG), then the deployment policies
 * of deploy/README.md are enforced. Returns human-readable violations; an empty list means valid.
 */
final class ManifestValidator {

    /** The services whose Deployments must be autoscaled. */
    static final Set<String> AUTOSCALED = Set.of("gateway", "reporting-service", "indicators-service");

    /** Health and metrics (and the services' OpenAPI): the Quarkus management interface, never behind the Ingress. */
    static final String MANAGEMENT_PORT = "management";
    static final String PUBLIC_PORT = "http";
    /** Every Deployment is a Kafka client that authenticates as its own KafkaUser. */
    static final String KAFKA_JAAS = "KAFKA_SASL_JAAS_CONFIG";

    /** Kinds we accept, by "apiVersion kind", with their fabric8 model type. */
    private static final Map<String, Class<? extends HasMetadata>> BUILT_IN = Map.of(
            "v1 ConfigMap", ConfigMap.class,
            "v1 Secret", Secret.class,
            "v1 Service", Service.class,
            "apps/v1 Deployment", Deployment.class,
            "policy/v1 PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2 HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1 NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1 Ingress", Ingress.class);

    /**
     * Strict mapper: no string-to-number/boolean coercion or the reverse (the API server rejects both),
     * no floats as integers, unknown properties reported (fabric8 collects them in additionalProperties,
     * which {@link #unknownFields} then reports).
     */
    static final ObjectMapper STRICT = strictMapper();

    private final boolean releaseImages;
    private final List<String> violations = new ArrayList<>();

    /** @param releaseImages true for production: image tags must be pinned releases (no latest, no SNAPSHOT) */
    ManifestValidator(boolean releaseImages) {
        this.releaseImages = releaseImages;
    }

    static List<String> validate(List<Map<String, Object>> objects, boolean releaseImages) {
        return new ManifestValidator(releaseImages).run(objects);
    }

    private List<String> run(List<Map<String, Object>> objects) {
        List<HasMetadata> typed = new ArrayList<>();
        List<Map<String, Object>> custom = new ArrayList<>();
        for (Map<String, Object> object : objects) {
            String id = id(object);
            String key = object.get("apiVersion") + " " + object.get("kind");
            if (BUILT_IN.containsKey(key)) {
                parse(object, BUILT_IN.get(key), id).ifPresent(typed::add);
            } else if (object.get("apiVersion") instanceof String api && object.get("kind") instanceof String kind
                    && CrdSchemas.covers(api, kind)) {
                CrdSchemas.validate(object).forEach(m -> violations.add(id + ": schema: " + m));
                parse(Yaml.asMap(object.getOrDefault("metadata", Map.of()), id), ObjectMeta.class, id + " metadata");
                custom.add(object);
            } else {
                violations.add(id + ": unsupported apiVersion/kind " + key + " (no model type or CRD schema)");
            }
            if (Yaml.at(object, "metadata.name") == null) {
                violations.add(id + ": metadata.name is missing");
            }
        }
        checkNamespaces(objects);
        checkDeployments(of(typed, Deployment.class), typed, names(custom, "KafkaUser"));
        checkSecrets(of(typed, Secret.class));
        checkExposure(of(typed, Service.class), of(typed, Ingress.class), of(typed, NetworkPolicy.class));
        checkConfig(of(typed, ConfigMap.class));
        checkCustomResources(custom);
        return violations;
    }

    // ------------------------------------------------------------------------------- parsing

    private <T> Optional<T> parse(Map<String, Object> object, Class<T> type, String id) {
        try {
            T value = STRICT.convertValue(object, type);
            unknownFields(value, "", id);
            return Optional.of(value);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
            violations.add(id + ": does not parse as " + type.getSimpleName() + ": " + message);
            return Optional.empty();
        }
    }

    /** Reports fields that fabric8 did not map to a model property (typos, misplaced fields). */
    private void unknownFields(Object value, String path, String id) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", id);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, id));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class
                    || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    violations
                            .add(id + ": unknown field(s) " + extra.keySet() + " at " + (path.isEmpty() ? "/" : path));
                }
            } else {
                String name = getter.getName().replaceFirst("^(get|is)", "");
                unknownFields(child, path + "." + Character.toLowerCase(name.charAt(0)) + name.substring(1), id);
            }
        }
    }

    // ------------------------------------------------------------------------------ policies

    private void checkDeployments(List<Deployment> deployments, List<HasMetadata> all, Set<String> kafkaUsers) {
        Set<String> configMaps = of(all, ConfigMap.class).stream().map(c -> c.getMetadata().getName())
                .collect(Collectors.toSet());
        List<Service> services = of(all, Service.class);
        List<PodDisruptionBudget> pdbs = of(all, PodDisruptionBudget.class);
        List<HorizontalPodAutoscaler> hpas = of(all, HorizontalPodAutoscaler.class);
        List<NetworkPolicy> policies = of(all, NetworkPolicy.class);
        if (policies.isEmpty()) {
            violations.add("no NetworkPolicy at all");
        }
        for (String name : AUTOSCALED) {
            if (deployments.stream().noneMatch(d -> name.equals(d.getMetadata().getName()))) {
                violations.add("Deployment " + name + " is missing");
            }
        }
        for (Deployment d : deployments) {
            String id = "Deployment " + d.getMetadata().getName();
            if (d.getSpec() == null || d.getSpec().getTemplate() == null
                    || d.getSpec().getTemplate().getSpec() == null) {
                violations.add(id + ": no pod template");
                continue;
            }
            Map<String, String> podLabels = Objects.requireNonNullElse(d.getSpec().getTemplate().getMetadata() == null
                    ? null
                    : d.getSpec().getTemplate().getMetadata().getLabels(), Map.of());
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            checkContainers(id, pod, configMaps);
            checkManagementAndKafka(id, d, kafkaUsers);
            if (services.stream()
                    .noneMatch(s -> s.getSpec() != null && selects(s.getSpec().getSelector(), podLabels))) {
                violations.add(id + ": no Service selects its pods");
            }
            if (pdbs.stream().noneMatch(p -> p.getSpec() != null && p.getSpec().getSelector() != null
                    && selects(p.getSpec().getSelector().getMatchLabels(), podLabels))) {
                violations.add(id + ": no PodDisruptionBudget covers its pods");
            }
            boolean hasHpa = hpas.stream().anyMatch(h -> h.getSpec() != null && h.getSpec().getScaleTargetRef() != null
                    && "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                    && d.getMetadata().getName().equals(h.getSpec().getScaleTargetRef().getName()));
            if (AUTOSCALED.contains(d.getMetadata().getName()) && !hasHpa) {
                violations.add(id + ": no HorizontalPodAutoscaler");
            }
            if (hasHpa && d.getSpec().getReplicas() != null) {
                violations.add(id + ": sets spec.replicas although an HPA owns the replica count");
            }
            boolean isolated = policies.stream()
                    .anyMatch(p -> p.getSpec() != null && p.getSpec().getPodSelector() != null
                            && selects(p.getSpec().getPodSelector().getMatchLabels(), podLabels)
                            && p.getSpec().getPolicyTypes() != null
                            && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")));
            if (!isolated) {
                violations.add(id + ": no NetworkPolicy restricts both ingress and egress of its pods");
            }
        }
    }

    private void checkContainers(String id, PodSpec pod, Set<String> configMaps) {
        PodSecurityContext podSecurity = pod.getSecurityContext();
        List<Container> containers = new ArrayList<>(Objects.requireNonNullElse(pod.getContainers(), List.of()));
        if (containers.isEmpty()) {
            violations.add(id + ": no containers");
        }
        for (Container c : Stream.concat(containers.stream(),
                Objects.requireNonNullElse(pod.getInitContainers(), List.<Container>of()).stream()).toList()) {
            String cid = id + " container " + c.getName();
            boolean init = !containers.contains(c);
            if (!init) {
                // Probes on the management port: the public port serves no /q endpoint.
                checkProbe(cid, "livenessProbe", c.getLivenessProbe(), "/q/health/live", c);
                checkProbe(cid, "readinessProbe", c.getReadinessProbe(), "/q/health/ready", c);
                checkProbe(cid, "startupProbe", c.getStartupProbe(), "/q/health/started", c);
            }
            ResourceRequirements resources = c.getResources();
            for (String kind : List.of("requests", "limits")) {
                Map<String, ?> values = resources == null
                        ? null
                        : kind.equals("requests") ? resources.getRequests() : resources.getLimits();
                for (String resource : List.of("cpu", "memory")) {
                    if (values == null || !values.containsKey(resource)) {
                        violations.add(cid + ": resources." + kind + "." + resource + " is missing");
                    }
                }
            }
            SecurityContext sc = c.getSecurityContext();
            Boolean nonRoot = sc != null && sc.getRunAsNonRoot() != null
                    ? sc.getRunAsNonRoot()
                    : podSecurity == null ? null : podSecurity.getRunAsNonRoot();
            Long user = sc != null && sc.getRunAsUser() != null
                    ? sc.getRunAsUser()
                    : podSecurity == null ? null : podSecurity.getRunAsUser();
            if (!Boolean.TRUE.equals(nonRoot)) {
                violations.add(cid + ": runAsNonRoot must be true");
            }
            if (user != null && user == 0L) {
                violations.add(cid + ": runs as root (runAsUser 0)");
            }
            if (sc == null || !Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                violations.add(cid + ": readOnlyRootFilesystem must be true");
            }
            if (sc == null || !Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                violations.add(cid + ": allowPrivilegeEscalation must be false");
            }
            if (sc != null && Boolean.TRUE.equals(sc.getPrivileged())) {
                violations.add(cid + ": must not be privileged");
            }
            checkImage(cid, c.getImage());
            for (EnvFromSource from : Objects.requireNonNullElse(c.getEnvFrom(), List.<EnvFromSource>of())) {
                if (from.getConfigMapRef() != null && !configMaps.contains(from.getConfigMapRef().getName())) {
                    violations.add(cid + ": envFrom refers to unknown ConfigMap " + from.getConfigMapRef().getName());
                }
            }
            for (EnvVar env : Objects.requireNonNullElse(c.getEnv(), List.<EnvVar>of())) {
                if (env.getValue() != null && env.getName().matches("(?i).*(PASSWORD|SECRET|TOKEN|JAAS).*")) {
                    violations.add(cid + ": " + env.getName() + " must come from a Secret, not a literal value");
                }
            }
        }
    }

    private void checkProbe(String cid, String which, Probe probe, String path, Container c) {
        if (probe == null) {
            violations.add(cid + ": " + which + " is missing");
            return;
        }
        HTTPGetAction get = probe.getHttpGet();
        if (get == null || !path.equals(get.getPath())) {
            violations.add(cid + ": " + which + " must be an HTTP GET of " + path);
            return;
        }
        boolean portExists = get.getPort() != null && Objects.requireNonNullElse(c.getPorts(), List.<ContainerPort>of())
                .stream()
                .anyMatch(p -> get.getPort().getStrVal() != null
                        ? get.getPort().getStrVal().equals(p.getName())
                        : Objects.equals(get.getPort().getIntVal(), p.getContainerPort()));
        if (!portExists) {
            violations.add(cid + ": " + which + " uses a port the container does not declare");
        }
        if (!MANAGEMENT_PORT.equals(get.getPort().getStrVal())) {
            violations.add(cid + ": " + which + " must use the port named " + MANAGEMENT_PORT);
        }
    }

    /**
     * The container declares the management port (and the public one), Prometheus scrapes the management port, and
     * the container authenticates to Kafka as a KafkaUser of this overlay, from that user's Secret.
     */
    private void checkManagementAndKafka(String id, Deployment d, Set<String> kafkaUsers) {
        Map<String, String> annotations = Objects.requireNonNullElse(d.getSpec().getTemplate().getMetadata() == null
                ? null
                : d.getSpec().getTemplate().getMetadata().getAnnotations(), Map.of());
        for (Container c : Objects.requireNonNullElse(d.getSpec().getTemplate().getSpec().getContainers(),
                List.<Container>of())) {
            String cid = id + " container " + c.getName();
            Map<String, Integer> ports = Objects.requireNonNullElse(c.getPorts(), List.<ContainerPort>of()).stream()
                    .filter(p -> p.getName() != null)
                    .collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort, (a, b) -> a));
            if (!ports.containsKey(PUBLIC_PORT) || !ports.containsKey(MANAGEMENT_PORT)) {
                violations.add(cid + ": must declare the ports " + PUBLIC_PORT + " and " + MANAGEMENT_PORT);
            } else if (ports.get(PUBLIC_PORT).equals(ports.get(MANAGEMENT_PORT))) {
                violations.add(cid + ": the management port must differ from the public port");
            } else if ("true".equals(annotations.get("prometheus.io/scrape"))
                    && !String.valueOf(ports.get(MANAGEMENT_PORT)).equals(annotations.get("prometheus.io/port"))) {
                violations.add(id + ": prometheus.io/port must be the management port " + ports.get(MANAGEMENT_PORT));
            }
            Optional<EnvVar> jaas = Objects.requireNonNullElse(c.getEnv(), List.<EnvVar>of()).stream()
                    .filter(e -> KAFKA_JAAS.equals(e.getName())).findFirst();
            boolean fromUserSecret = jaas.map(EnvVar::getValueFrom).map(v -> v.getSecretKeyRef())
                    .filter(ref -> kafkaUsers.contains(ref.getName()) && "sasl.jaas.config".equals(ref.getKey()))
                    .isPresent();
            if (!fromUserSecret) {
                violations.add(cid + ": " + KAFKA_JAAS + " must come from the sasl.jaas.config key of a KafkaUser's "
                        + "Secret in this overlay");
            }
        }
    }

    /** Settings that must be set per deployment: the token audience, and which proxies' forwarded addresses count. */
    private void checkConfig(List<ConfigMap> configMaps) {
        Map<String, String> common = configMaps.stream().filter(c -> "kvinnohalsa-common".equals(c.getMetadata()
                .getName())).findFirst().map(ConfigMap::getData).orElse(Map.of());
        if (common.getOrDefault("MP_JWT_VERIFY_AUDIENCES", "").isBlank()) {
            violations.add("ConfigMap kvinnohalsa-common: MP_JWT_VERIFY_AUDIENCES (the tokens' audience) is missing");
        }
        Map<String, String> gateway = configMaps.stream().filter(c -> "gateway-config".equals(c.getMetadata()
                .getName())).findFirst().map(ConfigMap::getData).orElse(Map.of());
        String proxies = gateway.getOrDefault("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "");
        // Quarkus trusts every peer when the list is empty: the header would then let any client pick its address.
        if (proxies.isBlank() || List.of(proxies.split(",")).stream().map(String::trim)
                .anyMatch(p -> p.endsWith("/0") || p.equals("*"))) {
            violations.add("ConfigMap gateway-config: QUARKUS_HTTP_PROXY_TRUSTED_PROXIES must name the ingress "
                    + "controller's addresses, was '" + proxies + "'");
        }
    }

    private void checkImage(String cid, String image) {
        if (image == null || image.isBlank()) {
            violations.add(cid + ": no image");
            return;
        }
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int colon = withoutDigest.lastIndexOf(':');
        String tag = colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(colon + 1) : null;
        if (tag == null && !image.contains("@")) {
            violations.add(cid + ": image " + image + " has no tag");
        }
        if (releaseImages && tag != null && (tag.equals("latest") || tag.endsWith("SNAPSHOT"))) {
            violations.add(cid + ": image " + image + " must use a pinned release tag in production");
        }
    }

    private void checkSecrets(List<Secret> secrets) {
        for (Secret s : secrets) {
            if ((s.getData() != null && !s.getData().isEmpty())
                    || (s.getStringData() != null && !s.getStringData().isEmpty())) {
                violations.add("Secret " + s.getMetadata().getName() + ": contains values; commit only references");
            }
        }
    }

    private void checkExposure(List<Service> services, List<Ingress> ingresses, List<NetworkPolicy> policies) {
        for (Service s : services) {
            String type = s.getSpec() == null ? null : s.getSpec().getType();
            if (type != null && !type.equals("ClusterIP")) {
                violations.add(
                        "Service " + s.getMetadata().getName() + ": type " + type + " exposes it outside the cluster");
            }
        }
        if (ingresses.isEmpty()) {
            violations.add("no Ingress for the gateway");
        }
        for (Ingress ingress : ingresses) {
            List<IngressBackend> backends = new ArrayList<>();
            if (ingress.getSpec() != null) {
                if (ingress.getSpec().getDefaultBackend() != null) {
                    backends.add(ingress.getSpec().getDefaultBackend());
                }
                Objects.requireNonNullElse(ingress.getSpec().getRules(), List.<IngressRule>of())
                        .forEach(r -> {
                            if (r.getHttp() != null) {
                                r.getHttp().getPaths().forEach(p -> backends.add(p.getBackend()));
                            }
                        });
            }
            for (IngressBackend b : backends) {
                if (b == null || b.getService() == null || !"gateway".equals(b.getService().getName())) {
                    violations.add("Ingress " + ingress.getMetadata().getName() + ": only the gateway may be exposed");
                } else if (b.getService().getPort() == null
                        || !PUBLIC_PORT.equals(b.getService().getPort().getName())) {
                    violations.add("Ingress " + ingress.getMetadata().getName() + ": may reach only the gateway's port "
                            + "named " + PUBLIC_PORT + " (never the management port)");
                }
            }
        }
        Set<Integer> managementPorts = services.stream()
                .filter(s -> s.getSpec() != null && s.getSpec().getPorts() != null)
                .flatMap(s -> s.getSpec().getPorts().stream())
                .filter(p -> MANAGEMENT_PORT.equals(p.getName())).map(p -> p.getPort()).collect(Collectors.toSet());
        for (NetworkPolicy policy : policies) {
            if (policy.getSpec() == null || policy.getSpec().getIngress() == null) {
                continue;
            }
            policy.getSpec().getIngress().forEach(rule -> {
                boolean fromIngressController = rule.getFrom() != null && rule.getFrom().stream()
                        .anyMatch(peer -> peer.getNamespaceSelector() != null
                                && peer.getNamespaceSelector().getMatchLabels() != null
                                && peer.getNamespaceSelector().getMatchLabels()
                                        .containsKey("kvinnohalsa.se/ingress-controller"));
                boolean opensManagement = rule.getPorts() == null || rule.getPorts().isEmpty()
                        || rule.getPorts().stream().anyMatch(p -> p.getPort() == null
                                || MANAGEMENT_PORT.equals(p.getPort().getStrVal())
                                || managementPorts.contains(p.getPort().getIntVal()));
                if (fromIngressController && opensManagement) {
                    violations.add("NetworkPolicy " + policy.getMetadata().getName()
                            + ": the ingress controller may not reach the management port");
                }
            });
        }
    }

    private void checkCustomResources(List<Map<String, Object>> custom) {
        Set<String> kafkas = names(custom, "Kafka");
        Set<String> clusters = names(custom, "Cluster");
        if (kafkas.isEmpty()) {
            violations.add("no Strimzi Kafka");
        }
        if (names(custom, "KafkaNodePool").isEmpty()) {
            violations.add("no Strimzi KafkaNodePool");
        }
        for (Map<String, Object> o : custom) {
            String kind = (String) o.get("kind");
            if (Set.of("KafkaNodePool", "KafkaTopic", "KafkaUser").contains(kind)) {
                // label keys contain dots, so they are looked up directly in the labels map
                Object labels = Yaml.at(o, "metadata.labels");
                Object cluster = labels instanceof Map<?, ?> m ? m.get("strimzi.io/cluster") : null;
                if (!kafkas.contains(String.valueOf(cluster))) {
                    violations.add(id(o) + ": label strimzi.io/cluster does not name a Kafka in this overlay");
                }
            }
            if ("Kafka".equals(kind)) {
                checkKafkaSecurity(o);
            }
            if ("KafkaUser".equals(kind) && !"scram-sha-512".equals(Yaml.at(o, "spec.authentication.type"))) {
                violations.add(id(o) + ": spec.authentication.type must be scram-sha-512");
            }
            if ("KafkaUser".equals(kind) && !"simple".equals(Yaml.at(o, "spec.authorization.type"))) {
                violations.add(id(o) + ": needs ACLs (spec.authorization.type simple)");
            }
            if ("ScheduledBackup".equals(kind) && !clusters.contains(String.valueOf(Yaml.at(o, "spec.cluster.name")))) {
                violations.add(id(o) + ": spec.cluster.name does not name a Cluster in this overlay");
            }
        }
        for (String service : List.of("allocation", "reporting", "indicators")) {
            if (!clusters.contains(service + "-db")) {
                violations.add("no CloudNativePG Cluster " + service + "-db");
            }
        }
    }

    /** Every listener authenticates its clients, ACLs are enforced, and the User Operator makes the users. */
    private void checkKafkaSecurity(Map<String, Object> kafka) {
        for (Object listener : Yaml.asList(Objects.requireNonNullElse(Yaml.at(kafka, "spec.kafka.listeners"),
                List.of()), "listeners")) {
            Object authentication = Yaml.at(Yaml.asMap(listener, "listener"), "authentication.type");
            if (authentication == null) {
                violations.add(id(kafka) + ": listener " + Yaml.at(Yaml.asMap(listener, "listener"), "name")
                        + " accepts clients without authentication");
            }
        }
        if (!"simple".equals(Yaml.at(kafka, "spec.kafka.authorization.type"))) {
            violations.add(id(kafka) + ": spec.kafka.authorization.type must be simple (ACLs from the KafkaUsers)");
        }
        if (Yaml.at(kafka, "spec.entityOperator.userOperator") == null) {
            violations.add(id(kafka) + ": spec.entityOperator.userOperator is needed for the KafkaUsers");
        }
    }

    private void checkNamespaces(List<Map<String, Object>> objects) {
        Set<Object> namespaces = objects.stream().map(o -> Yaml.at(o, "metadata.namespace"))
                .collect(Collectors.toSet());
        if (namespaces.size() != 1 || namespaces.contains(null)) {
            violations.add("all objects must be in one namespace set by the overlay, found " + namespaces);
        }
    }

    // ------------------------------------------------------------------------------- helpers

    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    private static <T> List<T> of(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static Set<String> names(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind")))
                .map(o -> String.valueOf(Yaml.at(o, "metadata.name"))).collect(Collectors.toSet());
    }

    static String id(Map<String, Object> object) {
        return object.get("kind") + " " + Yaml.at(object, "metadata.name");
    }

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }
}
