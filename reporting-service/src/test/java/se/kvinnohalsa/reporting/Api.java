package se.kvinnohalsa.reporting;

import org.eclipse.microprofile.config.ConfigProvider;
import se.kvinnohalsa.events.EventJson;
import se.kvinnohalsa.events.contract.AgreementChangedV1;
import se.kvinnohalsa.events.contract.AllocationPublishedV1;
import se.kvinnohalsa.stack.KafkaProbe;
import se.kvinnohalsa.stack.testing.ContractApi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests as the contract's users make them and the published figures in shared/data ({@link ContractApi}), events
 * as allocation-service sends them, and reports as the regions write them.
 */
public final class Api extends ContractApi {

    private static final Set<Integer> AGREED_YEARS = ConcurrentHashMap.newKeySet();

    private Api() {
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

    /**
     * {@link #agreement} once per year in this test JVM, for a test class that owns the year and needs its agreement
     * known before each test.
     */
    public static void agreementOnce(int year, LocalDate deadline, List<String> focusAreas) {
        if (AGREED_YEARS.add(year)) {
            try {
                agreement(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), year,
                        deadline, focusAreas);
            } catch (RuntimeException | AssertionError e) {
                AGREED_YEARS.remove(year);
                throw e;
            }
        }
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
}
