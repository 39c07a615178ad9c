package se.kvinnohalsa.gateway;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.gateway.system.PackagedSystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The metrics that the dashboards and alerts in deploy/kubernetes/base/monitoring use (listed in
 * monitoring/exposed-metrics.txt, which that module checks every expression against) are really exposed by the running
 * services' /q/metrics on their management interface, with the application tag the expressions select on.
 */
class MonitoringMetricsIT {

    private static final Path EXPOSED = Path
            .of("../deploy/kubernetes/src/test/resources/monitoring/exposed-metrics.txt");
    private static final List<String> EVENT_SERVICES = List.of("allocation-service", "reporting-service",
            "indicators-service");
    private static final List<String> ALL = List.of("allocation-service", "reporting-service", "indicators-service",
            "gateway");

    private static PackagedSystem system;

    @BeforeAll
    static void startTheSystem() {
        system = PackagedSystem.get();
    }

    @Test
    void everyMetricOfTheDashboardsAndAlertsIsExposedByTheServices() throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        Files.readAllLines(EXPOSED).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.trim().split("\\s+")).forEach(p -> expected.put(p[0], p[1]));
        Set<String> missing = new TreeSet<>();
        for (String service : ALL) {
            String tag = "application=\"" + service + "\"";
            Set<String> exposed = given().baseUri("http://localhost").port(system.managementPort(service))
                    .get("/q/metrics").then().statusCode(200).extract().asString()
                    .lines().filter(l -> !l.startsWith("#") && l.contains(tag))
                    .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toSet());
            expected.forEach((metric, source) -> {
                boolean wanted = source.equals("services")
                        || (source.equals("event-services") && EVENT_SERVICES.contains(service));
                if (wanted && !exposed.contains(metric)) {
                    missing.add(service + " " + metric);
                }
            });
        }
        assertEquals(Set.of(), missing, "metrics the dashboards and alerts use but a service does not expose");
    }
}
