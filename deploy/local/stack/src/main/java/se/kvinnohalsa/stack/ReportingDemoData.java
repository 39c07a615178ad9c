package se.kvinnohalsa.stack;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 21 regions' 2024 reports through the public API, after AllocationDemoData: spending from
 * spending-shares-2024.csv (kronor = share x the region's allocation in allocations-2024.csv, whole kronor) and
 * spending-not-split-2024.csv (Stockholm's partial split), the postpartum visit share from postpartum-visit-2023-24.csv,
 * a workforce plan, a situation analysis and a few activities. Activities and texts are illustrative, marked
 * "[Exempel]". Every report is submitted; most are accepted, two stay submitted awaiting review.
 * Idempotent: a region whose report is submitted or accepted already is not changed again; a draft left by an
 * interrupted run is submitted as it is.
 */
final class ReportingDemoData {

    private static final Instant FIRST_RECEIVED = Instant.parse("2025-03-14T09:00:00Z");
    private static final int RECEIVED_EVERY_HOURS = 16;
    private static final int LATE_AFTER_DAYS = 21;
    private static final Set<String> LATE = Set.of("09", "25");

    private static final int YEAR = 2024;
    /** The reports need the 2024 agreement and allocations, which reach reporting-service as events. */
    private static final Duration KNOWN_TIMEOUT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 500;
    /** Left as SUBMITTED, so the demo shows reports awaiting review. */
    private static final Set<String> AWAITING_REVIEW = Set.of("01", "14");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Pattern ALLOCATED = Pattern.compile("\"allocatedSek\"\\s*:\\s*(\\d+)");

    /** Illustrative activities: title, 2024 focus areas, target groups. */
    private static final List<String[]> ACTIVITIES = List.of(
            new String[]{"[Exempel] Kompetensutveckling för barnmorskor i förlossningsvården",
                    "KOMPETENSFORSORJNING,RELEVANT_KOMPETENS", "STAFF"},
            new String[]{"[Exempel] Eftervårdsbesök med samtal om förlossningsupplevelsen",
                    "EFTERVARD", "NEW_MOTHERS,PARTNERS_FAMILIES"},
            new String[]{"[Exempel] Digitala besök hos barnmorska för gravida med lång resväg",
                    "LANDSBYGD,NYA_ARBETSSATT", "PREGNANT"},
            new String[]{"[Exempel] Tolkstöd och anpassad information i mödrahälsovården",
                    "JAMLIK_VARD", "BORN_ABROAD,PREGNANT"},
            new String[]{"[Exempel] Rutiner för frågor om våld och omhändertagande efter sexuellt våld",
                    "SEXUELLT_VALD", "SEXUAL_VIOLENCE_FGM,STAFF"},
            new String[]{"[Exempel] Ungdomsmottagningens arbete med sexuell och reproduktiv hälsa",
                    "KVINNORS_HALSA", "YOUNG_PEOPLE"},
            new String[]{"[Exempel] Sammanhållen vårdkedja mellan mödrahälsovård och förlossning",
                    "GRAVIDITETSVARDKEDJA,NYA_ARBETSSATT", "PREGNANT,NO_SPECIFIC_GROUP"});
    private static final int ACTIVITIES_PER_REGION = 4;
    /** 16 of the 21 regions' workforce plans also cover other professions than midwives (DOMAIN.md). */
    private static final int REGIONS_WITH_MORE_PROFESSIONS = 16;

    private ReportingDemoData() {
    }

    static void load(DemoData api) throws IOException, InterruptedException {
        Map<String, Long> allocations = PublishedSpending2024.allocations();
        awaitKnown(api, allocations.keySet());

        Map<String, String> spending = new LinkedHashMap<>();
        PublishedSpending2024.byRegion().forEach((region, s) -> spending.put(region,
                spending(s.lines(), s.notSplitReason(), s.totalSek())));
        Map<String, String> visitShare = new LinkedHashMap<>();
        DemoCsv.read("postpartum-visit-2023-24.csv").forEach(r -> visitShare.put(r.get("region_code"), r.get("value")));

        int created = 0;
        int index = 0;
        for (String region : allocations.keySet()) {
            String status = status(api, region);
            if (status.equals("NOT_STARTED")) {
                String body = report(spending.get(region), visitShare.get(region), index);
                expect(api.send("PUT", path(region), "reporter", region, DemoData.JSON, body), 201);
                status = "DRAFT";
                created++;
            }
            if (status.equals("DRAFT") || status.equals("RETURNED")) {
                // Recorded by an admin with the (illustrative) day each report came in, so lateness shows as it would have.
                expect(api.send("POST", path(region) + "/submission?receivedAt=" + receivedAt(region, index), "admin",
                        null,
                        null, null), 200);
                status = "SUBMITTED";
            }
            if (status.equals("SUBMITTED") && !AWAITING_REVIEW.contains(region)) {
                expect(api.send("POST", path(region) + "/review", "admin", null, DemoData.JSON,
                        "{\"decision\": \"ACCEPT\", \"comment\": \"[Exempel] Redovisningen är komplett\"}"), 200);
            }
            index++;
        }
        LocalStack.log("reporting demo data: " + created + " of 21 regions' 2024 reports created; all submitted, "
                + (21 - AWAITING_REVIEW.size()) + " accepted, " + AWAITING_REVIEW + " awaiting review");
    }

    /** Illustrative: most reports in the two weeks before the deadline (2025-03-31), two a few days after it. */
    private static String receivedAt(String region, int index) {
        if (LATE.contains(region)) {
            return FIRST_RECEIVED.plus(Duration.ofDays(LATE_AFTER_DAYS)).toString();
        }
        return FIRST_RECEIVED.plus(Duration.ofHours(RECEIVED_EVERY_HOURS * (long) index)).toString();
    }

    /** Polls the public status of every region until reporting-service knows the 2024 agreement and allocations. */
    private static void awaitKnown(DemoData api, Set<String> regions) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + KNOWN_TIMEOUT.toNanos();
        List<String> missing = new ArrayList<>(regions);
        String last = "";
        while (!missing.isEmpty()) {
            HttpResponse<String> response = api.send("GET", path(missing.get(0)) + "/status", "analyst", null, null,
                    null);
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200 && ALLOCATED.matcher(response.body()).find()) {
                missing.remove(0);
                continue;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("reporting-service did not learn the " + YEAR
                        + " agreement and allocations within "
                        + KNOWN_TIMEOUT.toSeconds() + " s (region " + missing.get(0) + " answered " + last + ")");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static String status(DemoData api, String region) throws IOException, InterruptedException {
        HttpResponse<String> response = api.send("GET", path(region) + "/status", "analyst", null, null, null);
        AllocationDemoData.expect(response, 200);
        Matcher matcher = STATUS.matcher(response.body());
        if (!matcher.find()) {
            throw new IOException("no status in " + response.body());
        }
        return matcher.group(1);
    }

    private static String path(String region) {
        return "/api/v1/reports/" + YEAR + "/" + region;
    }

    private static String spending(Map<String, Long> lines, String notSplitReason, Long totalSek) {
        List<String> json = new ArrayList<>();
        lines.forEach((area, amount) -> json
                .add("{\"focusArea\": " + DemoCsv.json(area) + ", \"amountSek\": " + amount + "}"));
        return "{\"lines\": " + DemoCsv.jsonArray(json)
                + ", \"notSplitReason\": " + (notSplitReason == null ? "null" : DemoCsv.json(notSplitReason))
                + ", \"totalSek\": " + (totalSek == null ? "null" : totalSek) + "}";
    }

    private static String report(String spending, String visitSharePercent, int index) {
        List<String> activities = new ArrayList<>();
        for (int i = 0; i < ACTIVITIES_PER_REGION; i++) {
            String[] activity = ACTIVITIES.get((index + 2 * i) % ACTIVITIES.size());
            activities.add("{\"title\": " + DemoCsv.json(activity[0])
                    + ", \"description\": "
                    + DemoCsv.json(
                            "[Exempel] Illustrativ insats för demonstrationen, inte regionens verkliga redovisning")
                    + ", \"focusAreas\": " + quoted(activity[1]) + ", \"targetGroups\": " + quoted(activity[2]) + "}");
        }
        String professions = index < REGIONS_WITH_MORE_PROFESSIONS
                ? "barnmorskor,läkare,sjuksköterskor,undersköterskor,psykologer,fysioterapeuter"
                : "barnmorskor";
        return """
                {"spending": %s,
                 "activities": %s,
                 "situationAnalysis": {"results": "[Exempel] Fler kvinnor får eftervårdsbesök och kontinuitet i vårdkedjan",
                                       "contributingFactors": "[Exempel] Nya tjänster för barnmorskor och digitala besök",
                                       "challenges": "[Exempel] Rekrytering och bemanning i förlossningsvården under sommaren",
                                       "supportNeeds": "[Exempel] Nationellt kunskapsstöd för eftervård och uppföljning"},
                 "workforcePlan": {"periodFrom": 2025, "periodTo": 2035, "professions": %s,
                                   "careSettings": ["barnmorskemottagning", "förlossningsvård", "kvinnosjukvård"]},
                 "postpartum": {"visitSharePercent": %s,
                                "referralPathsPhysical": "[Exempel] Remiss till bäckenbottenmottagning vid fysiska besvär",
                                "referralPathsMental": "[Exempel] Remiss till psykolog i kvinnohälsovården vid psykisk ohälsa"}}"""
                .formatted(spending, DemoCsv.jsonArray(activities), quoted(professions),
                        visitSharePercent == null || visitSharePercent.isBlank() ? "null" : visitSharePercent);
    }

    private static String quoted(String commaSeparated) {
        return DemoCsv.jsonArray(List.of(commaSeparated.split(",")).stream().map(DemoCsv::json).toList());
    }

    private static void expect(HttpResponse<String> response, int... statuses) throws IOException {
        AllocationDemoData.expect(response, statuses);
    }
}
