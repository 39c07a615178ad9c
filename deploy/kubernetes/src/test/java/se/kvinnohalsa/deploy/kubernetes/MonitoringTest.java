package se.kvinnohalsa.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dashboards and alerts as code (base/monitoring): one Grafana dashboard per service with the panels ops needs, the
 * alerts the runbook names, and every PromQL expression using only metrics that are really exposed
 * (monitoring/exposed-metrics.txt, whose service metrics the gateway's MonitoringMetricsIT checks against the running
 * system). The PrometheusRule's schema is checked with the rest of the overlay (OverlaysTest, CrdSchemas).
 */
class MonitoringTest {

    static final List<String> SERVICES = List.of("allocation-service", "reporting-service", "indicators-service",
            "gateway");
    private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "offset", "bool", "inf", "nan",
            // aggregation operators: "sum by (x) (...)" puts a grouping between the name and its parenthesis
            "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk",
            "quantile", "limitk", "limit_ratio");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Map<String, Object>> prod = OverlaysTest.render("prod");

    @Test
    void eachServiceHasADashboardWithTheOpsPanels() {
        List<Map<String, Object>> dashboards = OverlaysTest.ofKind(prod, "ConfigMap").stream()
                .filter(c -> "1".equals(Yaml.asMap(Yaml.at(c, "metadata.labels"), "labels").get("grafana_dashboard")))
                .toList();
        assertEquals(SERVICES.size(), dashboards.size(), "one dashboard per service");
        for (String service : SERVICES) {
            JsonNode dashboard = dashboard(service);
            assertEquals("kvinnohalsa-" + service, dashboard.path("uid").asText());
            Set<String> metrics = new TreeSet<>();
            for (JsonNode panel : dashboard.path("panels")) {
                assertTrue(panel.path("targets").size() > 0, service + ": panel " + panel.path("title") + " queries");
                for (JsonNode target : panel.path("targets")) {
                    String expr = target.path("expr").asText();
                    assertTrue(expr.contains("application=\"" + service + "\""),
                            service + ": every query selects the service: " + expr);
                    metrics.addAll(metricNames(expr));
                }
            }
            List<String> wanted = new ArrayList<>(List.of("http_server_requests_seconds_count",
                    "http_server_requests_seconds_sum", "jvm_memory_used_bytes", "process_cpu_usage"));
            if (!service.equals("gateway")) {
                wanted.addAll(List.of("outbox_pending", "outbox_oldest_pending_seconds",
                        "kafka_consumer_fetch_manager_records_lag_max", "events_dead_lettered_total"));
            }
            assertTrue(metrics.containsAll(wanted), service + ": request rate, errors, latency, "
                    + "outbox backlog and age, consumer lag, dead letters, JVM; has " + metrics);
        }
    }

    @Test
    void theAlertsOpsAskedFor() {
        Map<String, String> alerts = alerts();
        assertEquals(Set.of("OutboxBacklogOlderThan5Minutes", "EventDeadLettered", "ConsumerLagGrowing",
                "ServerErrorRate", "PodRestarting"), alerts.keySet());
        assertTrue(alerts.get("OutboxBacklogOlderThan5Minutes").contains("outbox_oldest_pending_seconds) > 300"));
        assertTrue(alerts.get("ServerErrorRate").contains("status=~\"5..\""));
    }

    @Test
    void everyExpressionUsesOnlyExposedMetrics() {
        Map<String, String> exposed = exposedMetrics();
        List<String> expressions = new ArrayList<>(alerts().values());
        SERVICES.forEach(s -> dashboard(s).path("panels").forEach(p -> p.path("targets")
                .forEach(t -> expressions.add(t.path("expr").asText()))));
        Set<String> unknown = new TreeSet<>();
        for (String expr : expressions) {
            Set<String> names = metricNames(expr);
            assertTrue(!names.isEmpty(), "no metric found in " + expr);
            names.stream().filter(n -> !exposed.containsKey(n)).forEach(unknown::add);
        }
        assertEquals(Set.of(), unknown, "metrics no service exposes");
    }

    @Test
    void thePrometheusRuleSchemaRejectsARuleWithoutExprAndUnknownFields() throws IOException {
        Map<String, Object> rule = OverlaysTest.ofKind(prod, "PrometheusRule").get(0);
        assertEquals(List.of(), CrdSchemas.validate(rule));
        Map<String, Object> broken = Yaml.asMap(Yaml.MAPPER.readValue(Yaml.MAPPER.writeValueAsString(rule), Map.class),
                "copy");
        Map<String, Object> first = Yaml.asMap(
                Yaml.asList(Yaml.asMap(Yaml.asList(Yaml.at(broken, "spec.groups"), "groups").get(0), "group")
                        .get("rules"), "rules").get(0),
                "rule");
        first.remove("expr");
        first.put("expression", "up");
        List<String> violations = CrdSchemas.validate(broken);
        assertTrue(violations.stream().anyMatch(v -> v.contains("expr")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("expression")), violations.toString());
    }

    @Test
    void metricNamesAreFoundInPromQl() {
        assertEquals(Set.of("a_total", "b_seconds_count"), metricNames(
                "sum by (app, consumer) (increase(a_total{x=\"y\", z=~\"5..\"}[10m])) / on (app) "
                        + "rate(b_seconds_count[5m:1m]) > 0.05 and deriv(a_total[15m]) > bool 0"));
    }

    /** Metric names in a PromQL expression: identifiers that are no function, keyword, label or duration. */
    static Set<String> metricNames(String expr) {
        String stripped = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"") // string literals
                .replaceAll("\\{[^}]*}", " ") // label matchers
                .replaceAll("\\[[^]]*]", " ") // ranges and subqueries
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " $1 ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(stripped);
        while (m.find()) {
            String word = m.group();
            String rest = stripped.substring(m.end()).stripLeading();
            if (!PROMQL_WORDS.contains(word.toLowerCase()) && !rest.startsWith("(")) {
                names.add(word);
            }
        }
        return names;
    }

    private JsonNode dashboard(String service) {
        Map<String, Object> configMap = OverlaysTest.one(prod, "ConfigMap", "dashboard-" + service);
        Object json = Yaml.asMap(configMap.get("data"), "data").get(service + ".json");
        try {
            return JSON.readTree(String.valueOf(json));
        } catch (IOException e) {
            throw new AssertionError("dashboard-" + service + " is not JSON", e);
        }
    }

    private Map<String, String> alerts() {
        Map<String, String> alerts = new LinkedHashMap<>();
        for (Map<String, Object> rule : OverlaysTest.ofKind(prod, "PrometheusRule")) {
            for (Object group : Yaml.asList(Yaml.at(rule, "spec.groups"), "groups")) {
                for (Object r : Yaml.asList(Yaml.asMap(group, "group").get("rules"), "rules")) {
                    Map<String, Object> alert = Yaml.asMap(r, "rule");
                    alerts.put(String.valueOf(alert.get("alert")), String.valueOf(alert.get("expr")));
                }
            }
        }
        return alerts;
    }

    /** metric name -> where it comes from, from monitoring/exposed-metrics.txt. */
    static Map<String, String> exposedMetrics() {
        try (InputStream in = MonitoringTest.class.getResourceAsStream("/monitoring/exposed-metrics.txt")) {
            Map<String, String> metrics = new LinkedHashMap<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.trim().split("\\s+"))
                    .forEach(parts -> metrics.put(parts[0], parts[1]));
            return metrics;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
