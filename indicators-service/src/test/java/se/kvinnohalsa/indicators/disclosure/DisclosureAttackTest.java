package se.kvinnohalsa.indicators.disclosure;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.indicators.Api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The attacker: an anonymous client that reads every public endpoint of an indicator (values, summary, gaps of every
 * pair of groups, series of every region and SE in every group, latest of every region, for every period) and tries
 * every derivation against the real service and database:
 * <ul>
 * <li>direct: a withheld value shown anywhere (value, previousValue, previousNational, lowest/highest, valueA/B,
 * series, latest);</li>
 * <li>differences: change with one side published (values, summary), gap with one side published, previousGap and
 * change of gaps, a region's own reported value minus its difference;</li>
 * <li>bounds: meetsTarget, regionsMeetingTarget and clinic ranges of a withheld value;</li>
 * <li>national = weighted combination of the regions: with the denominators (given to the attacker as if published)
 * and as the unweighted mean without them, computed or reported (pooled, with the rest of the registry's own
 * denominator), each known to its rounding;</li>
 * <li>group values vs ALL: born in Sweden + born abroad (+ a rest) = ALL with denominators; without them ALL lies
 * between its parts;</li>
 * <li>an LP audit over all of these at once (every period and group of the indicator): the lowest and highest value
 * each withheld cell can take.</li>
 * </ul>
 * Every small cell must stay unknown within the protection interval (5 points each side, within 0..100); no withheld
 * cell may be derived exactly.
 */
@QuarkusTest
class DisclosureAttackTest {

    private static final double PROTECTION = 5;
    private static final String PREVIOUS = "2023-01-01/2023-12-31";
    private static final String CURRENT = "2024-01-01/2024-12-31";
    private static final List<String> GROUPS = List.of("ALL", "BORN_SWEDEN", "BORN_ABROAD", "EDU_HIGHER",
            "EDU_PRIMARY");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** One imported row and what the test knows of it. */
    private record Row(String period, String group, String region, BigDecimal value, Long numerator,
            Long denominator) {
        String key() {
            return period + "|" + group + "|" + region;
        }
    }

    private static BigDecimal share(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator * 100).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
    }

    /**
     * TSEC: 21 regions in 2023 and 2024; ALL = born in Sweden + born abroad with denominators; a few small cells
     * placed where each derivation would find them:
     * <ul>
     * <li>2024, 09 born abroad 6/7: ALL (56/60) and born in Sweden (50/53) would give it away;</li>
     * <li>2024, 10 ALL 7/8, its groups without denominators (85 and 100): ALL would lie between them;</li>
     * <li>2023, 23 ALL 5/6 with both groups small: the previous value and change of 2024;</li>
     * <li>2024 EDU_HIGHER: the table (01=50, 03=60 without denominators, 25=5/5): the mean;</li>
     * <li>2024 EDU_PRIMARY: 25 alone (3/4): the national value would be 25's own;</li>
     * <li>2023 ALL has a reported SE (the pooled value, its denominator the regions' sum).</li>
     * </ul>
     */
    static List<Row> tsec() {
        List<Row> rows = new ArrayList<>();
        String[] regions = Api.regionCodes();
        for (String period : List.of(PREVIOUS, CURRENT)) {
            long allNum = 0;
            long allDen = 0;
            for (int i = 0; i < regions.length; i++) {
                String r = regions[i];
                int shift = period.equals(CURRENT) ? 3 : 0;
                long denSweden = 900 + 410L * ((i * 7 + shift) % 21);
                long denAbroad = 160 + 95L * ((i * 5 + shift) % 21);
                long numSweden = denSweden * (880 + (i * 13 + shift) % 110) / 1000;
                long numAbroad = denAbroad * (760 + (i * 17 + shift) % 200) / 1000;
                if (period.equals(CURRENT) && r.equals("09")) {
                    denSweden = 53;
                    numSweden = 50;
                    denAbroad = 7;
                    numAbroad = 6;
                }
                if (period.equals(PREVIOUS) && r.equals("23")) {
                    denSweden = 4;
                    numSweden = 3;
                    denAbroad = 2;
                    numAbroad = 2;
                }
                long num = numSweden + numAbroad;
                long den = denSweden + denAbroad;
                if (period.equals(CURRENT) && r.equals("10")) {
                    rows.add(new Row(period, "ALL", r, share(7, 8), 7L, 8L));
                    rows.add(new Row(period, "BORN_SWEDEN", r, new BigDecimal("85.0"), null, null));
                    rows.add(new Row(period, "BORN_ABROAD", r, new BigDecimal("100.0"), null, null));
                    allNum += 7;
                    allDen += 8;
                    continue;
                }
                rows.add(new Row(period, "ALL", r, share(num, den), num, den));
                rows.add(new Row(period, "BORN_SWEDEN", r, share(numSweden, denSweden), numSweden, denSweden));
                rows.add(new Row(period, "BORN_ABROAD", r, share(numAbroad, denAbroad), numAbroad, denAbroad));
                allNum += num;
                allDen += den;
            }
            if (period.equals(PREVIOUS)) {
                rows.add(new Row(period, "ALL", "SE", share(allNum, allDen), allNum, allDen));
            }
        }
        rows.add(new Row(CURRENT, "EDU_HIGHER", "01", new BigDecimal("50"), null, null));
        rows.add(new Row(CURRENT, "EDU_HIGHER", "03", new BigDecimal("60"), null, null));
        rows.add(new Row(CURRENT, "EDU_HIGHER", "25", new BigDecimal("100"), 5L, 5L));
        rows.add(new Row(CURRENT, "EDU_PRIMARY", "25", share(3, 4), 3L, 4L));
        return rows;
    }

    /** TMIX: a reported SE of 96 without weights above every published region puts 25 (7/7) at 95.95 or more. */
    static List<Row> tmix() {
        return List.of(new Row(CURRENT, "ALL", "01", new BigDecimal("80"), null, null),
                new Row(CURRENT, "ALL", "03", new BigDecimal("85"), null, null),
                new Row(CURRENT, "ALL", "25", new BigDecimal("100"), 7L, 7L),
                new Row(CURRENT, "ALL", "SE", new BigDecimal("96"), null, null));
    }

    private static void load(String code, List<Row> rows) {
        Api.define(code, "PERCENT", "CALENDAR_YEAR", "{\"operator\": \">=\", \"value\": 90}", "BORN_SWEDEN",
                "BORN_ABROAD", "EDU_HIGHER", "EDU_PRIMARY");
        StringBuilder csv = new StringBuilder("region_code,period,group,value,numerator,denominator\n");
        for (Row row : rows) {
            csv.append(String.join(",", row.region(), row.period(), row.group(), row.value().toPlainString(),
                    row.numerator() == null ? "" : row.numerator().toString(),
                    row.denominator() == null ? "" : row.denominator().toString())).append('\n');
        }
        Api.registry().contentType("text/csv").body(csv.toString())
                .post("/api/v1/indicators/" + code + "/observations").then().statusCode(200);
    }

    @Test
    void everyDerivationFromEveryPublicEndpointLeavesEverySmallCellProtected() throws Exception {
        load("TSEC", tsec());
        load("TMIX", tmix());
        Attack tsec = new Attack("TSEC", tsec());
        tsec.run();
        Attack tmix = new Attack("TMIX", tmix());
        tmix.run();

        // What the method withheld. Complements: born in Sweden of 09 (ALL and born abroad's national mean pin 09
        // born abroad) and of 10 (its ALL would lie between its groups), born abroad's national value (a mean over
        // regions each pinned by their own ALL and born in Sweden) and one region of the issue's table.
        assertEquals(Set.of(CURRENT + "|BORN_ABROAD|09", CURRENT + "|ALL|10", PREVIOUS + "|ALL|23",
                PREVIOUS + "|BORN_SWEDEN|23", PREVIOUS + "|BORN_ABROAD|23", CURRENT + "|EDU_HIGHER|25",
                CURRENT + "|EDU_PRIMARY|25", CURRENT + "|EDU_PRIMARY|SE"), tsec.withheld("SMALL_CELL"));
        assertTrue(tsec.withheld("COMPLEMENTARY").size() <= 4, tsec.withheld("COMPLEMENTARY").toString());
        assertEquals(Set.of(CURRENT + "|ALL|25"), tmix.withheld("SMALL_CELL"));
        assertEquals(1, tmix.withheld("COMPLEMENTARY").size(), tmix.withheld("COMPLEMENTARY").toString());
        System.out.printf("DISCLOSURE complementary cells: TSEC %d for %d small cells, TMIX %d for %d%n",
                tsec.withheld("COMPLEMENTARY").size(), tsec.withheld("SMALL_CELL").size(),
                tmix.withheld("COMPLEMENTARY").size(), tmix.withheld("SMALL_CELL").size());
    }

    /** Everything one indicator publishes, read as an anonymous client, and what can be made of it. */
    static final class Attack {
        private final String code;
        private final Map<String, Double> truth = new LinkedHashMap<>();
        private final Map<String, Long> denominators = new HashMap<>();
        /** Values seen or derived per cell, with how. */
        private final Map<String, Map<String, Double>> known = new TreeMap<>();
        /** Withheld cells and the reason every endpoint gave. */
        private final Map<String, Set<String>> reasons = new TreeMap<>();
        /** x(a) - x(b) = difference, exactly (changes and gaps). */
        private final List<Object[]> differences = new ArrayList<>();
        private final List<Object[]> bounds = new ArrayList<>();
        /** period|group to the published national's origin. */
        private final Map<String, String> origins = new HashMap<>();
        /** period|group to the rows (regions) the table has, withheld or not. */
        private final Map<String, Set<String>> tables = new TreeMap<>();
        private final Map<String, Integer> tried = new TreeMap<>();
        private double target;

        Attack(String code, List<Row> rows) {
            this.code = code;
            for (Row row : rows) {
                truth.put(row.key(), row.value().doubleValue());
                if (row.denominator() != null) {
                    denominators.put(row.key(), row.denominator());
                }
            }
        }

        Set<String> withheld(String reason) {
            Set<String> cells = new LinkedHashSet<>();
            reasons.forEach((cell, given) -> {
                if (given.contains(reason)) {
                    cells.add(cell);
                }
            });
            return cells;
        }

        /** The public answer; null for a 404 (no values of the group in the period). */
        private static JsonNode read(String path) throws Exception {
            io.restassured.response.Response response = given().get(path);
            if (response.statusCode() == 404) {
                return null;
            }
            assertEquals(200, response.statusCode(), path);
            return JSON.readTree(response.asString());
        }

        private void see(String cell, JsonNode value, String how) {
            tried.merge(how, 1, Integer::sum);
            if (value != null && !value.isNull()) {
                known.computeIfAbsent(cell, c -> new TreeMap<>()).put(how, value.decimalValue().doubleValue());
            }
        }

        private void withheld(String cell, JsonNode reason) {
            if (reason != null && !reason.isNull()) {
                reasons.computeIfAbsent(cell, c -> new LinkedHashSet<>()).add(reason.asText());
            }
        }

        private void difference(String a, String b, JsonNode difference, String how) {
            tried.merge(how, 1, Integer::sum);
            if (difference != null && !difference.isNull()) {
                differences.add(new Object[]{a, b, difference.decimalValue().doubleValue(), how});
            }
        }

        void run() throws Exception {
            JsonNode indicator = read("/api/v1/indicators/" + code);
            target = indicator.path("target").path("value").asDouble();
            List<String> rowsToRead = new ArrayList<>(List.of(Api.regionCodes()));
            rowsToRead.add("SE");
            Set<String> periods = new LinkedHashSet<>();
            for (String group : GROUPS) {
                for (String region : rowsToRead) {
                    for (JsonNode point : read("/api/v1/indicators/" + code + "/series?regionCode=" + region
                            + "&group=" + group)) {
                        String cell = point.get("period").asText() + "|" + group + "|" + region;
                        periods.add(point.get("period").asText());
                        see(cell, point.get("value"), "series.value");
                        withheld(cell, point.get("suppressionReason"));
                        seeBounds(cell, point, "series");
                    }
                }
            }
            for (String region : rowsToRead) {
                for (JsonNode latest : read("/api/v1/indicators/latest?regionCode=" + region)) {
                    if (latest.get("code").asText().equals(code)) {
                        String cell = latest.get("period").asText() + "|ALL|" + region;
                        see(cell, latest.get("value"), "latest.value");
                        withheld(cell, latest.get("suppressionReason"));
                        if (latest.get("value").isNull() && !latest.get("meetsTarget").isNull()) {
                            bound(cell, latest.get("meetsTarget").asBoolean(), "latest.meetsTarget");
                        }
                    }
                }
            }
            for (String period : periods) {
                for (String group : GROUPS) {
                    readValues(period, group);
                    readSummary(period, group);
                    // Every pair once: the reversed pair only changes the sign.
                    for (String other : GROUPS.subList(GROUPS.indexOf(group) + 1, GROUPS.size())) {
                        readGaps(period, group, other);
                    }
                }
            }
            attack();
        }

        private void seeBounds(String cell, JsonNode item, String endpoint) {
            if (item.get("value").isNull()) {
                if (!item.path("meetsTarget").isNull() && !item.path("meetsTarget").isMissingNode()) {
                    bound(cell, item.get("meetsTarget").asBoolean(), endpoint + ".meetsTarget");
                }
                if (!item.path("clinicMin").isNull()) {
                    bounds.add(new Object[]{cell, item.get("clinicMin").asDouble(), 100.0, endpoint + ".clinicMin"});
                }
                if (!item.path("clinicMax").isNull()) {
                    bounds.add(new Object[]{cell, 0.0, item.get("clinicMax").asDouble(), endpoint + ".clinicMax"});
                }
            }
            JsonNode reported = item.path("regionReported");
            if (item.get("value").isNull() && !reported.isMissingNode() && !reported.isNull()) {
                fail(code + " " + cell + " is withheld but the region's own reported value is shown beside it: "
                        + reported);
            }
            if (!reported.isMissingNode() && !reported.isNull() && !reported.get("difference").isNull()) {
                known.computeIfAbsent(cell, c -> new TreeMap<>()).put(endpoint + ".regionReported",
                        reported.get("value").asDouble() - reported.get("difference").asDouble());
            }
        }

        private void bound(String cell, boolean meets, String how) {
            bounds.add(meets ? new Object[]{cell, target, 100.0, how} : new Object[]{cell, 0.0, target, how});
        }

        private void readValues(String period, String group) throws Exception {
            for (JsonNode v : read("/api/v1/indicators/" + code + "/values?period=" + period + "&group=" + group)) {
                String region = v.get("regionCode").asText();
                String cell = period + "|" + group + "|" + region;
                tables.computeIfAbsent(period + "|" + group, t -> new LinkedHashSet<>()).add(region);
                see(cell, v.get("value"), "values.value");
                withheld(cell, v.get("suppressionReason"));
                seeBounds(cell, v, "values");
                if (!v.get("previousPeriod").isNull()) {
                    String before = v.get("previousPeriod").asText() + "|" + group + "|" + region;
                    see(before, v.get("previousValue"), "values.previousValue");
                    withheld(before, v.get("previousSuppressionReason"));
                    difference(cell, before, v.get("change"), "values.change");
                }
            }
        }

        private void readSummary(String period, String group) throws Exception {
            JsonNode s = read("/api/v1/indicators/" + code + "/summary?period=" + period + "&group=" + group);
            if (s == null) {
                return;
            }
            String cell = period + "|" + group + "|SE";
            see(cell, s.path("national").path("value"), "summary.national");
            withheld(cell, s.path("national").path("suppressionReason"));
            origins.put(period + "|" + group, s.path("national").path("origin").asText());
            if (!s.get("previousPeriod").isNull()) {
                String before = s.get("previousPeriod").asText() + "|" + group + "|SE";
                see(before, s.get("previousNational"), "summary.previousNational");
                withheld(before, s.get("previousNationalSuppressionReason"));
                difference(cell, before, s.get("change"), "summary.change");
            }
            for (JsonNode ranked : s.get("lowest")) {
                see(period + "|" + group + "|" + ranked.get("regionCode").asText(), ranked.get("value"),
                        "summary.lowest");
            }
            for (JsonNode ranked : s.get("highest")) {
                see(period + "|" + group + "|" + ranked.get("regionCode").asText(), ranked.get("value"),
                        "summary.highest");
            }
            for (JsonNode meeting : s.path("regionsMeetingTarget").path("regionCodes")) {
                bound(period + "|" + group + "|" + meeting.asText(), true, "summary.regionsMeetingTarget");
            }
            for (JsonNode suppression : s.get("suppressions")) {
                withheld(period + "|" + group + "|" + suppression.get("regionCode").asText(),
                        suppression.get("reason"));
            }
        }

        private void readGaps(String period, String a, String b) throws Exception {
            JsonNode gaps = read("/api/v1/indicators/" + code + "/gaps?period=" + period + "&groups=" + a + "," + b);
            if (gaps == null) {
                return;
            }
            List<JsonNode> entries = new ArrayList<>();
            gaps.get("regions").forEach(entries::add);
            entries.add(gaps.get("national"));
            String before = gaps.get("previousPeriod").isNull() ? null : gaps.get("previousPeriod").asText();
            for (JsonNode g : entries) {
                String row = g.get("regionCode").asText();
                String cellA = period + "|" + a + "|" + row;
                String cellB = period + "|" + b + "|" + row;
                see(cellA, g.get("valueA"), "gaps.valueA");
                see(cellB, g.get("valueB"), "gaps.valueB");
                withheld(cellA, g.get("suppressionReasonA"));
                withheld(cellB, g.get("suppressionReasonB"));
                difference(cellA, cellB, g.get("gap"), "gaps.gap");
                if (before != null) {
                    difference(before + "|" + a + "|" + row, before + "|" + b + "|" + row, g.get("previousGap"),
                            "gaps.previousGap");
                }
            }
        }

        /** The derivations, then the LP audit over every relation. */
        private void attack() {
            // Every withheld cell must be withheld everywhere: no endpoint shows it.
            for (String cell : reasons.keySet()) {
                if (known.containsKey(cell)) {
                    fail(code + " " + cell + " is withheld (" + reasons.get(cell) + ") but shown by "
                            + known.get(cell));
                }
                assertEquals(1, reasons.get(cell).size(), cell + " has one reason everywhere");
            }
            // Everything shown is the truth.
            known.forEach((cell, seen) -> seen.forEach((how, value) -> {
                if (truth.containsKey(cell)) {
                    assertEquals(truth.get(cell), value, 1e-9, cell + " by " + how);
                }
            }));
            // Exact derivations through differences (changes, gaps) with one side known, to a fixpoint.
            Map<String, Double> values = new HashMap<>();
            known.forEach((cell, seen) -> values.put(cell, seen.values().iterator().next()));
            boolean more = true;
            while (more) {
                more = false;
                for (Object[] d : differences) {
                    String a = (String) d[0];
                    String b = (String) d[1];
                    double difference = (Double) d[2];
                    if (values.containsKey(a) && !values.containsKey(b)) {
                        values.put(b, values.get(a) - difference);
                        more = true;
                    } else if (values.containsKey(b) && !values.containsKey(a)) {
                        values.put(a, values.get(b) + difference);
                        more = true;
                    }
                }
            }
            for (String cell : reasons.keySet()) {
                if (values.containsKey(cell)) {
                    fail(code + " " + cell + " derived exactly from changes and gaps: " + values.get(cell));
                }
            }

            AttackerLp lp = new AttackerLp(0, 100);
            Set<String> cells = new LinkedHashSet<>(truth.keySet());
            tables.forEach((table, rows) -> cells.add(table + "|SE"));
            for (String cell : cells) {
                if (reasons.containsKey(cell)) {
                    lp.unknown(cell);
                } else if (values.containsKey(cell)) {
                    lp.published(cell, values.get(cell));
                }
            }
            for (Object[] d : differences) {
                if (lp.isUnknown((String) d[0]) || lp.isUnknown((String) d[1])) {
                    lp.relation(Map.of((String) d[0], 1.0, (String) d[1], -1.0), (Double) d[2] - 1e-9,
                            (Double) d[2] + 1e-9);
                }
            }
            for (Object[] b : bounds) {
                lp.bound((String) b[0], (Double) b[1], (Double) b[2]);
                tried.merge((String) b[3], 1, Integer::sum);
            }
            nationalRelations(lp);
            partitionRelations(lp);

            System.out.printf("DISCLOSURE attack on %s: derivations tried %s%n", code, tried);
            for (String cell : reasons.keySet()) {
                String reason = reasons.get(cell).iterator().next();
                AttackerLp.Interval interval = lp.interval(cell);
                double value = truth.containsKey(cell) ? truth.get(cell) : national(cell);
                System.out.printf("DISCLOSURE %s %-32s %-13s true %6.2f, attacker's interval [%.2f, %.2f]%n", code,
                        cell, reason, value, interval.lower(), interval.upper());
                assertTrue(interval.upper() - interval.lower() > 1e-6, code + " " + cell + " derived exactly");
                if (reason.equals("SMALL_CELL")) {
                    assertTrue(interval.protects(value, PROTECTION, 0, 100),
                            code + " " + cell + " = " + value + " bounded to " + interval);
                }
            }
        }

        /** A withheld national value's true value: what the admin sees. */
        private double national(String cell) {
            String[] key = cell.split("\\|");
            JsonNode s;
            try {
                s = JSON.readTree(Api.admin().get("/api/v1/indicators/" + code + "/summary?period=" + key[0]
                        + "&group=" + key[1]).then().statusCode(200).extract().asString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return s.path("national").path("value").asDouble();
        }

        /** National = a combination of the table's regions, as the API documents it, known to its rounding. */
        private void nationalRelations(AttackerLp lp) {
            tables.forEach((table, regions) -> {
                String national = table + "|SE";
                if (!lp.isUnknown(national) && !lp.isPublished(national)) {
                    return;
                }
                boolean weighted = regions.stream().allMatch(r -> denominators.containsKey(table + "|" + r));
                boolean reported = "REPORTED".equals(origins.get(table));
                Long ownDenominator = denominators.get(national);
                if (reported && (!weighted || ownDenominator == null)) {
                    tried.merge("national.between(regions), weights unknown", 1, Integer::sum);
                    lp.between(national, regions.stream().map(r -> table + "|" + r).toList(), 0.05);
                    return;
                }
                Map<String, Double> coefficients = new HashMap<>();
                double total = 0;
                for (String r : regions) {
                    double w = weighted ? denominators.get(table + "|" + r) : 1;
                    coefficients.put(table + "|" + r, w);
                    total += w;
                }
                double whole = reported ? ownDenominator : total;
                coefficients.put(national, -whole);
                // reported: every value rounded by the registry; computed: only the national value is rounded
                double rounding = whole * 0.05 + (reported ? total * 0.05 : 0);
                tried.merge(weighted ? "national.weighted(denominators)" : "national.mean(no denominators)", 1,
                        Integer::sum);
                lp.relation(coefficients, -(whole - total) * 100 - rounding, rounding);
            });
        }

        /** ALL = born in Sweden + born abroad (+ a rest), per region. */
        private void partitionRelations(AttackerLp lp) {
            for (String cell : truth.keySet()) {
                String[] key = cell.split("\\|");
                if (!key[1].equals("ALL") || key[2].equals("SE")) {
                    continue;
                }
                String sweden = key[0] + "|BORN_SWEDEN|" + key[2];
                String abroad = key[0] + "|BORN_ABROAD|" + key[2];
                if (!truth.containsKey(sweden) || !truth.containsKey(abroad)) {
                    continue;
                }
                Long all = denominators.get(cell);
                Long s = denominators.get(sweden);
                Long a = denominators.get(abroad);
                if (all != null && s != null && a != null) {
                    tried.merge("groups.sum(ALL = born in Sweden + born abroad)", 1, Integer::sum);
                    double rounding = (all + s + a) * 0.05;
                    lp.relation(Map.of(sweden, (double) s, abroad, (double) a, cell, (double) -all),
                            -(all - s - a) * 100 - rounding, rounding);
                } else {
                    tried.merge("groups.between(ALL between its parts)", 1, Integer::sum);
                    lp.between(cell, List.of(sweden, abroad), 0.05);
                }
            }
        }
    }
}
