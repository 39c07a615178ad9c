package se.kvinnohalsa.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.specification.RequestSpecification;
import se.kvinnohalsa.events.EventJson;
import se.kvinnohalsa.events.contract.AgreementChangedV1;
import se.kvinnohalsa.events.contract.AllocationPublishedV1;
import se.kvinnohalsa.stack.Infrastructure;
import se.kvinnohalsa.stack.KafkaProbe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Requests as the contract's users make them, events as allocation-service sends them, and shared/data figures. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Api() {
    }

    public static RequestSpecification as(String role, String region) {
        return given().header("Authorization", "Bearer " + Infrastructure.shared().tokens().issue(role, region))
                .contentType("application/json");
    }

    public static RequestSpecification admin() {
        return as("admin", null);
    }

    public static RequestSpecification reporter(String region) {
        return as("reporter", region);
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends agreement.changed to Kafka as allocation-service would, and waits until reporting-service knows the year. */
    public static void agreement(String kafka, int year, LocalDate deadline, List<String> focusAreas) {
        AgreementChangedV1 event = new AgreementChangedV1(year, "Överenskommelse " + year, 1_000_000_000L, deadline,
                List.of(new AgreementChangedV1.Pool("POPULATION", 1_000_000_000L)),
                focusAreas.stream().map(c -> new AgreementChangedV1.FocusArea(c, "Insatsområde " + c)).toList(),
                List.of());
        send(kafka, event.key(), EventJson.write(event), UUID.randomUUID().toString(), event.type());
        awaitStatus("/api/v1/reports/" + year + "/01/status", 200);
    }

    public static void allocations(String kafka, int year, int version, Map<String, Long> totals) {
        AllocationPublishedV1 event = allocationEvent(year, version, totals);
        send(kafka, event.key(), EventJson.write(event), UUID.randomUUID().toString(), event.type());
    }

    public static AllocationPublishedV1 allocationEvent(int year, int version, Map<String, Long> totals) {
        List<AllocationPublishedV1.RegionAllocation> regions = new ArrayList<>();
        totals.forEach((region, total) -> regions.add(new AllocationPublishedV1.RegionAllocation(region, total,
                List.of(new AllocationPublishedV1.PoolAmount("POPULATION", total)))));
        return new AllocationPublishedV1(year, version, totals.values().stream().mapToLong(Long::longValue).sum(),
                Instant.parse("2024-06-01T10:00:00Z"), regions);
    }

    public static void send(String kafka, String key, String value, String id, String type) {
        new KafkaProbe(kafka).send("allocation-events", key, value, KafkaProbe.cloudEventHeaders(id, type));
    }

    public static void awaitStatus(String path, int status) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (given().get(path).statusCode() != status) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(path + " did not answer " + status + " within 30 s");
            }
            sleep(100);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A complete report, ready for submission, as a mutable map so tests can break one part at a time. */
    public static Map<String, Object> report(Map<String, Long> lines, String notSplitReason) {
        Map<String, Object> spending = new LinkedHashMap<>();
        List<Object> spendingLines = new ArrayList<>();
        lines.forEach((code, amount) -> spendingLines
                .add(new LinkedHashMap<>(Map.of("focusArea", code, "amountSek", amount))));
        spending.put("lines", spendingLines);
        spending.put("notSplitReason", notSplitReason);
        String firstArea = lines.isEmpty() ? "EFTERVARD" : lines.keySet().iterator().next();
        Map<String, Object> activity = new LinkedHashMap<>();
        activity.put("title", "[Exempel] Stöd efter förlossning");
        activity.put("description", "Uppföljande samtal med barnmorska");
        activity.put("focusAreas", new ArrayList<>(List.of(firstArea)));
        activity.put("targetGroups", new ArrayList<>(List.of("NEW_MOTHERS", "PARTNERS_FAMILIES")));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("spending", spending);
        report.put("activities", new ArrayList<>(List.of(activity)));
        report.put("situationAnalysis", new LinkedHashMap<>(Map.of("results", "Fler eftervårdsbesök",
                "contributingFactors", "Ny mottagning", "challenges", "Rekrytering", "supportNeeds",
                "Nationella riktlinjer")));
        report.put("workforcePlan", new LinkedHashMap<>(Map.of("periodFrom", 2025, "periodTo", 2035,
                "professions", new ArrayList<>(List.of("barnmorskor", "läkare")))));
        report.put("postpartum", new LinkedHashMap<>(Map.of("visitSharePercent", 94.3,
                "referralPathsPhysical", "Bäckenbottenmottagning", "referralPathsMental",
                "Psykolog på kvinnokliniken")));
        return report;
    }

    /** Rows of a CSV from shared/data (comment lines skipped, header first); quoted fields may hold commas. */
    public static List<List<String>> csv(String file) {
        try (InputStream in = Api.class.getResourceAsStream("/se/kvinnohalsa/stack/demo/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(Api::fields).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
