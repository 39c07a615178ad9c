package se.kvinnohalsa.stack;

import java.io.IOException;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The 2024 and 2025 agreements through the public API: 2024 exactly as published (keys that reproduce
 * allocations-2024.csv to the krona), 2025 with region 23's published amounts and its decision (RS/25/2025).
 * Idempotent: an existing agreement (409) is left as it is.
 */
final class AllocationDemoData {

    /** 2025 was published only as "just over" 1.547 bn in total and 1.383 bn by population: round figures stand in. */
    private static final long TOTAL_2025 = 1_547_000_000L;
    private static final long POPULATION_2025 = 1_383_000_000L;
    private static final long RURAL_2025 = 150_000_000L;
    private static final String JAMTLAND = "23";
    private static final long JAMTLAND_POPULATION_2025 = 17_343_191L;
    private static final long JAMTLAND_RURAL_2025 = 7_503_287L;

    private AllocationDemoData() {
    }

    static void load(DemoData api) throws IOException, InterruptedException {
        List<Map<String, String>> published2024 = DemoCsv.read("allocations-2024.csv");
        Map<String, String> agreement2024 = DemoCsv.read("agreements.csv").stream()
                .filter(r -> r.get("year").equals("2024")).findFirst().orElseThrow();

        createAgreement(api, 2024, Long.parseLong(agreement2024.get("total_sek")),
                Long.parseLong(agreement2024.get("population_pool_sek")),
                Long.parseLong(agreement2024.get("rural_pool_sek")),
                agreement2024.get("reporting_deadline"));
        // The published amounts as weights reproduce them exactly (the population figures behind them are not in the source).
        expect(api.send("PUT", "/api/v1/agreements/2024/pools/POPULATION/key", "admin", null, DemoData.JSON,
                weights(published2024, "population_pool_sek")), 200);
        expect(api.send("PUT", "/api/v1/agreements/2024/pools/RURAL/key", "admin", null, DemoData.JSON,
                weights(published2024, "rural_pool_sek")), 200);
        expect(api.send("POST", "/api/v1/agreements/2024/allocations/publish", "admin", null, null, null), 200, 201);

        createAgreement(api, 2025, TOTAL_2025, POPULATION_2025, RURAL_2025, "2026-03-31");
        // Only region 23's 2025 amounts are in the source; the other regions' are illustrative, split like 2024.
        expect(api.send("PUT", "/api/v1/agreements/2025/pools/POPULATION/amounts", "admin", null, DemoData.JSON,
                amounts(published2024, "population_pool_sek", POPULATION_2025, JAMTLAND_POPULATION_2025)), 200);
        expect(api.send("PUT", "/api/v1/agreements/2025/pools/RURAL/amounts", "admin", null, DemoData.JSON,
                amounts(published2024, "rural_pool_sek", RURAL_2025, JAMTLAND_RURAL_2025)), 200);
        expect(api.send("POST", "/api/v1/agreements/2025/allocations/publish", "admin", null, null, null), 200, 201);

        List<Map<String, String>> lines = DemoCsv.read("jamtland-2025-decision.csv");
        String decision = """
                {"reference": "RS/25/2025", "decidedOn": "2025-05-28", "decidedBy": "Regiondirektör",
                 "lines": %s}""".formatted(DemoCsv.jsonArray(lines.stream()
                .map(l -> "{\"unit\": " + DemoCsv.json(l.get("unit")) + ", \"amountSek\": " + l.get("amount_sek") + "}")
                .toList()));
        expect(api.send("PUT", "/api/v1/agreements/2025/regions/" + JAMTLAND + "/decision", "reporter", JAMTLAND,
                DemoData.JSON, decision), 200, 201);
        LocalStack.log("allocation demo data: agreements 2024 and 2025 published, region 23's 2025 decision recorded");
    }

    private static void createAgreement(DemoData api, int year, long total, long population, long rural,
            String deadline)
            throws IOException, InterruptedException {
        List<String> focusAreas = DemoCsv.read("focus-areas.csv").stream()
                .filter(f -> f.get("agreement_year").equals(Integer.toString(year)))
                .map(f -> "{\"code\": " + DemoCsv.json(f.get("code")) + ", \"name\": " + DemoCsv.json(f.get("name_sv"))
                        + "}")
                .toList();
        String body = """
                {"year": %d, "title": "En personcentrerad, tillgänglig och jämlik mödrahälsovård och förlossningsvård samt förstärkta insatser för kvinnors hälsa %d",
                 "totalSek": %d, "reportingDeadline": "%s",
                 "pools": [{"code": "POPULATION", "amountSek": %d}, {"code": "RURAL", "amountSek": %d}],
                 "focusAreas": %s,
                 "conditions": ["The region has a workforce plan (kompetensförsörjningsplan) for midwives and other professions",
                                "Activities have a budget for when the grant ends",
                                "All providers can account for their costs"]}"""
                .formatted(year, year, total, deadline, population, rural, DemoCsv.jsonArray(focusAreas));
        expect(api.send("POST", "/api/v1/agreements", "admin", null, DemoData.JSON, body), 201, 409);
    }

    private static String weights(List<Map<String, String>> published, String column) {
        return published.stream()
                .map(r -> "{\"regionCode\": \"" + r.get("region_code") + "\", \"weight\": " + r.get(column) + "}")
                .collect(Collectors.joining(", ", "{\"weights\": [", "]}"));
    }

    /** Region 23 gets its published amount; the others share the rest like 2024, Stockholm taking the odd kronor. */
    private static String amounts(List<Map<String, String>> published2024, String column, long pool, long jamtland) {
        Map<String, Long> others = new LinkedHashMap<>();
        published2024.stream().filter(r -> !r.get("region_code").equals(JAMTLAND))
                .forEach(r -> others.put(r.get("region_code"), Long.parseLong(r.get(column))));
        long weightSum = others.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> amounts = new LinkedHashMap<>();
        others.forEach((region, weight) -> amounts.put(region,
                BigInteger.valueOf(pool - jamtland).multiply(BigInteger.valueOf(weight))
                        .divide(BigInteger.valueOf(weightSum)).longValueExact()));
        long handedOut = amounts.values().stream().mapToLong(Long::longValue).sum();
        amounts.merge("01", pool - jamtland - handedOut, Long::sum);
        amounts.put(JAMTLAND, jamtland);
        return amounts.entrySet().stream()
                .map(e -> "{\"regionCode\": \"" + e.getKey() + "\", \"amountSek\": " + e.getValue() + "}")
                .collect(Collectors.joining(", ", "{\"amounts\": [", "]}"));
    }

    static void expect(HttpResponse<String> response, int... statuses) throws IOException {
        for (int status : statuses) {
            if (response.statusCode() == status) {
                return;
            }
        }
        throw new IOException(response.request().method() + " " + response.request().uri() + " answered "
                + response.statusCode() + ": " + response.body());
    }
}
