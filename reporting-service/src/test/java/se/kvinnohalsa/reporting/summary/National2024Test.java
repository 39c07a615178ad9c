package se.kvinnohalsa.reporting.summary;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.reporting.Api;
import se.kvinnohalsa.stack.PublishedSpending2024;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 2024 national summary from all 21 regions' reports, built from shared/data: spending-shares-2024.csv (kronor =
 * share x the region's allocation in allocations-2024.csv, whole kronor) and spending-not-split-2024.csv. Over the
 * 14 regions that split their spending it must come out near the published national shares. Owns the year 2024.
 */
@QuarkusTest
class National2024Test {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void theNationalSharesOverTheFourteenSplitRegions() {
        List<String> focusAreas2024 = Api.csv("focus-areas.csv").stream()
                .filter(r -> r.get("agreement_year").equals("2024")).map(r -> r.get("code")).toList();
        Api.agreement(kafka, 2024, LocalDate.parse("2025-03-31"), focusAreas2024);
        Map<String, Long> allocations = PublishedSpending2024.allocations();
        Api.allocations(kafka, 2024, 1, allocations);

        Map<String, Map<String, Object>> reports = new LinkedHashMap<>();
        PublishedSpending2024.byRegion().forEach((region, spending) -> {
            Map<String, Object> report = Api.report(spending.lines(), spending.notSplitReason());
            if (spending.totalSek() != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> reported = (Map<String, Object>) report.get("spending");
                reported.put("totalSek", spending.totalSek());
            }
            reports.put(region, report);
        });
        assertEquals(21, reports.size());

        // Submitted a few days before the deadline.
        QuarkusMock.installMockForType(Clock.fixed(Instant.parse("2025-03-27T09:00:00Z"), ZoneOffset.UTC), Clock.class);
        reports.forEach((region, report) -> {
            Api.reporter(region).body(Api.json(report)).put("/api/v1/reports/2024/" + region).then().statusCode(201);
            Api.reporter(region).post("/api/v1/reports/2024/" + region + "/submission").then().statusCode(200);
        });
        Api.admin().body("{\"decision\": \"ACCEPT\"}").post("/api/v1/reports/2024/03/review").then().statusCode(200);
        Api.admin().body("{\"decision\": \"ACCEPT\"}").post("/api/v1/reports/2024/01/review").then().statusCode(200);

        long deadline = System.currentTimeMillis() + 30_000;
        JsonPath summary = given().get("/api/v1/reports/2024/summary").then().statusCode(200).extract().jsonPath();
        while (summary.getList("spendingVsAllocation.findAll { it.allocatedSek != null }").size() < 21
                && System.currentTimeMillis() < deadline) {
            Api.sleep(100);
            summary = given().get("/api/v1/reports/2024/summary").then().statusCode(200).extract().jsonPath();
        }
        print(summary);

        assertEquals(14, summary.getList("includedRegions").size());
        assertEquals(21, summary.getInt("submitted"));
        assertEquals(2, summary.getInt("accepted"));
        assertEquals(0, summary.getInt("late"));
        assertEquals("PARTLY_SPLIT", summary.getString("excludedRegions.find { it.regionCode == '01' }.reason"));
        assertEquals(List.of("06", "07", "08", "10", "14", "18"),
                summary.getList("excludedRegions.findAll { it.reason == 'NOT_SPLIT' }.regionCode"));
        assertTrue(summary.getString("excludedRegions.find { it.regionCode == '14' }.statedReason")
                .contains("staffing budget"));
        float workforce = summary.getFloat("focusAreas.find { it.code == 'KOMPETENSFORSORJNING' }.sharePercent");
        float newWays = summary.getFloat("focusAreas.find { it.code == 'NYA_ARBETSSATT' }.sharePercent");
        assertTrue(workforce >= 29 && workforce <= 31, "workforce supply about 30 %: " + workforce);
        assertTrue(newWays >= 14 && newWays <= 16, "new ways of working about 14-16 %: " + newWays);
        float sum = 0;
        for (Float share : summary.getList("focusAreas.sharePercent", Float.class)) {
            sum += share;
        }
        assertEquals(100, sum, 0.5, "the shares add up to 100 up to rounding");
        long amounts = summary.getList("focusAreas.amountSek", Long.class).stream().mapToLong(Long::longValue).sum();
        assertEquals(summary.getLong("splitTotalSek"), amounts);
        // Every split region spent its allocation up to the source's rounding (rows sum to 100 +/- 0.1).
        for (Map<String, Object> region : summary.<Map<String, Object>>getList("spendingVsAllocation")) {
            if (summary.getList("includedRegions").contains(region.get("regionCode"))) {
                float percent = ((Number) region.get("spentPercentOfAllocation")).floatValue();
                assertTrue(Math.abs(percent - 100) <= 0.15, region.toString());
            }
        }
    }

    private static void print(JsonPath summary) {
        StringBuilder table = new StringBuilder("\n2024 national summary over the regions with fully split spending "
                + summary.getList("includedRegions") + "\n");
        table.append(String.format("%-22s %15s %8s%n", "focus area", "kronor", "share %"));
        for (Map<String, Object> area : summary.<Map<String, Object>>getList("focusAreas")) {
            table.append(
                    String.format("%-22s %,15d %8s%n", area.get("code"), ((Number) area.get("amountSek")).longValue(),
                            area.get("sharePercent")));
        }
        table.append(String.format("%-22s %,15d%n", "total", summary.getLong("splitTotalSek")));
        Map<String, String> excluded = new HashMap<>();
        for (Map<String, Object> e : summary.<Map<String, Object>>getList("excludedRegions")) {
            excluded.put((String) e.get("regionCode"), (String) e.get("reason"));
        }
        table.append("excluded: ").append(new TreeMap<>(excluded)).append('\n');
        table.append("submitted ").append(summary.getInt("submitted")).append(", late ").append(summary.getInt("late"))
                .append(", activities ").append(summary.getInt("activities")).append('\n');
        System.out.println(table);
    }
}
