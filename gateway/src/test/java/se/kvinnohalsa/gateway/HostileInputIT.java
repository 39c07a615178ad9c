package se.kvinnohalsa.gateway;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.gateway.system.PackagedSystem;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drill (issue 12): a corpus of hostile requests through the gateway against every write endpoint of the public API
 * (numbers that stall a parser, 10,000-digit numbers, deep nesting, very long strings, URLs and headers, injection
 * strings, wrong types, unknown enums, Unicode edge cases, duplicate keys, empty, binary and malformed bodies, wrong
 * content types and methods, broken tokens). Every answer must be a 4xx application/problem+json with status, title
 * and X-Request-Id, within a second; none a 5xx. Each request is built so that no valid write can result from it
 * (a state the write cannot change: an accepted report, an existing agreement year; or a rule the base body
 * breaks), so the demo data the other tests share stays as it is. Prints the figures.
 */
class HostileInputIT {

    private static final int MIN_REQUESTS = 200;
    private static final Duration HANG = Duration.ofSeconds(1);
    /** Far beyond HANG, so that a hang is measured rather than cut off early. */
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(15);
    private static final String MARK = "__HOSTILE_VALUE__";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "application/problem+json";
    private static final int MEGABYTE = 1024 * 1024;
    /** Over what allocation- and reporting-service take (1 MiB); the import limit is far higher. */
    private static final int TOO_LARGE_BYTES = 2 * MEGABYTE;
    private static final int LONG_TEXT = 200_000;
    private static final int LONG_URL = 20_000;
    private static final int LONG_HEADER = 20_000;
    private static final int MANY_DIGITS = 10_000;
    private static final int DEEP = 100_000;
    private static final int MANY_LINES = 10_000;
    private static final int MANY_ROWS = 3_000;

    private static PackagedSystem system;

    @BeforeAll
    static void startTheSystem() {
        system = PackagedSystem.get();
    }

    /** One request of the corpus. */
    record Attack(String name, String method, String path, String role, String region, String contentType,
            byte[] body, List<String> headers) {
    }

    /** What came back, and how long it took. */
    record Answer(Attack attack, int status, String contentType, String requestId, String body, long millis) {
    }

    /**
     * A write endpoint, with a base body that cannot succeed as it is (an accepted report, a year that exists, amounts
     * that do not add up ...) and the fields the corpus breaks one at a time. Free-text fields get text that cannot
     * be stored (NUL, lone surrogates, over-long); text that can be stored (injection strings, right-to-left marks,
     * emoji) goes into codes, enums and dates, and into free text only where the state refuses the write anyway
     * (guarded).
     */
    record Endpoint(String name, String method, String path, String role, String region, String body,
            List<String> codes, List<String> texts, List<String> numbers, boolean guarded) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("create agreement (year exists)", "POST", "/api/v1/agreements", "admin", null, """
                    {"year": 2024, "title": "Överenskommelse", "totalSek": 1000, "reportingDeadline": "2025-03-31",
                     "pools": [{"code": "POPULATION", "amountSek": 1000}],
                     "focusAreas": [{"code": "EFTERVARD", "name": "Eftervård"}], "conditions": ["Villkor"]}""",
                    List.of("/pools/0/code", "/focusAreas/0/code", "/reportingDeadline"),
                    List.of("/title", "/focusAreas/0/name", "/conditions/0"),
                    List.of("/year", "/totalSek", "/pools/0/amountSek"), true),
            new Endpoint("decision (lines do not add up)", "PUT", "/api/v1/agreements/2025/regions/01/decision",
                    "reporter", "01", """
                            {"reference": "RS 1/2025", "decidedOn": "2025-05-28", "decidedBy": "Regionstyrelsen",
                             "lines": [{"unit": "Kvinnosjukvården", "amountSek": 1}]}""",
                    List.of("/decidedOn"), List.of("/reference", "/decidedBy", "/lines/0/unit"),
                    List.of("/lines/0/amountSek"), true),
            new Endpoint("pool key (a region twice)", "PUT", "/api/v1/agreements/2024/pools/POPULATION/key", "admin",
                    null, """
                            {"weights": [{"regionCode": "01", "weight": 0}, {"regionCode": "01", "weight": 0}]}""",
                    List.of("/weights/0/regionCode"), List.of(), List.of("/weights/0/weight"), true),
            new Endpoint("pool amounts (do not add up)", "PUT", "/api/v1/agreements/2024/pools/POPULATION/amounts",
                    "admin", null, """
                            {"amounts": [{"regionCode": "01", "amountSek": 1}]}""",
                    List.of("/amounts/0/regionCode"), List.of(), List.of("/amounts/0/amountSek"), true),
            new Endpoint("indicator definition (bad operator)", "PUT", "/api/v1/indicators/HOSTILE_PROBE", "admin",
                    null, """
                            {"code": "HOSTILE_PROBE", "name": "Sond", "description": "Fientlig indata",
                             "unit": "PERCENT", "source": "Test", "periodType": "YEAR",
                             "target": {"operator": "=>", "value": 90}, "groups": ["ALL"]}""",
                    List.of("/code", "/unit", "/periodType", "/target/operator", "/groups/0"),
                    List.of("/name", "/description", "/source"), List.of("/target/value"), false),
            new Endpoint("observations, JSON (dry run, value over 100 %)", "POST",
                    "/api/v1/indicators/EFTERVARDSBESOK/observations?dryRun=true", "registry", null, """
                            [{"regionCode": "01", "period": "2023-08-01/2024-07-31", "group": "ALL", "value": 101,
                              "numerator": 1, "denominator": 2, "clinicMin": 1, "clinicMax": 2}]""",
                    List.of("/0/regionCode", "/0/period", "/0/group"), List.of(),
                    List.of("/0/value", "/0/numerator", "/0/denominator", "/0/clinicMin", "/0/clinicMax"), true),
            new Endpoint("report draft (report accepted)", "PUT", "/api/v1/reports/2024/23", "reporter", "23", """
                    {"spending": {"lines": [{"focusArea": "EFTERVARD", "amountSek": 1000}], "notSplitReason": null},
                     "activities": [{"title": "Stöd", "description": "Samtal", "focusAreas": ["EFTERVARD"],
                                     "targetGroups": ["NEW_MOTHERS"]}],
                     "situationAnalysis": {"results": "Fler besök", "contributingFactors": "Ny mottagning",
                                           "challenges": "Rekrytering", "supportNeeds": "Riktlinjer"},
                     "workforcePlan": {"periodFrom": 2025, "periodTo": 2035, "professions": ["barnmorskor"]},
                     "postpartum": {"visitSharePercent": 94.3, "referralPathsPhysical": "Bäckenbotten",
                                    "referralPathsMental": "Psykolog"}}""",
                    List.of("/spending/lines/0/focusArea", "/activities/0/focusAreas/0",
                            "/activities/0/targetGroups/0"),
                    List.of("/activities/0/title", "/situationAnalysis/results", "/workforcePlan/professions/0"),
                    List.of("/spending/lines/0/amountSek", "/workforcePlan/periodFrom",
                            "/postpartum/visitSharePercent"),
                    true),
            new Endpoint("review (report accepted)", "POST", "/api/v1/reports/2024/23/review", "admin", null, """
                    {"decision": "RETURN", "comment": "Komplettera"}""", List.of("/decision"), List.of("/comment"),
                    List.of(), true));

    /** Free text nobody should be able to store as sent: NUL, unpaired surrogates (as JSON escapes). */
    private static final List<String> UNSTORABLE_TEXT = List.of("\"a\\u0000b\"", "\"\\ud800\"", "\"x\\udc00y\"",
            "\"\\ud83d\"");

    /** Storable text that must never be taken for a code, an enum or a date. */
    private static final List<String> HOSTILE_TEXT = List.of("' OR '1'='1' --", "1; DROP TABLE report; --",
            "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/a}", "../../../../etc/passwd", "%00", "{{7*7}}",
            "\u202e10", "\u200f01\u200e", "😀", "E\u0301FTERVARD", "\ufeffALL", "０１", "not_a_value", " ", "");

    /** Numbers that are not money, not a bound value or no number at all (raw JSON). */
    private static final List<String> HOSTILE_NUMBERS = List.of("1e999999999", "-1e999999999", "1e-999999999",
            "9".repeat(MANY_DIGITS), "0." + "1".repeat(MANY_DIGITS), "9223372036854775808", "-9223372036854775809",
            "-1", "1.5e300", "NaN", "Infinity", "0x10", "\"12\"", "true", "[1]", "{\"value\": 1}", "1_000");

    private static final List<String> WRONG_TYPES = List.of("123", "true", "[]", "{}", "[\"a\"]", "{\"a\": 1}");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CLIENT_TIMEOUT).build();

    @Test
    void everyHostileRequestIsAProblemWithinASecond() throws Exception {
        List<Attack> corpus = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            corpus.addAll(bodyAttacks(endpoint));
            corpus.addAll(fieldAttacks(endpoint));
        }
        corpus.addAll(csvAttacks());
        corpus.addAll(pathAndHeaderAttacks());
        assertTrue(corpus.size() >= MIN_REQUESTS, "a corpus of " + corpus.size());

        // A few harmless requests first, so that the services' first-request costs are not counted as hangs.
        for (int i = 0; i < 3; i++) {
            for (Endpoint endpoint : ENDPOINTS) {
                send(attack(endpoint, "warm-up", "application/json", "{}".getBytes(StandardCharsets.UTF_8)));
            }
        }
        List<Answer> answers = new ArrayList<>();
        for (Attack attack : corpus) {
            answers.add(send(attack));
        }

        List<String> failures = new ArrayList<>();
        for (Answer answer : answers) {
            String problem = problemIn(answer);
            if (problem != null) {
                failures.add(answer.attack().method() + " " + shorten(answer.attack().path(), 120) + " ["
                        + answer.attack().name() + "]: " + problem);
            }
        }
        Map<Integer, Long> byStatus = answers.stream()
                .collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
        List<Answer> slowest = answers.stream().sorted(Comparator.comparingLong(Answer::millis).reversed()).limit(5)
                .toList();
        System.out.printf("[hostile] %d requests through the gateway against %d write endpoints (+ CSV import)%n",
                answers.size(), ENDPOINTS.size());
        System.out.printf("[hostile]   answers by status %s; 5xx %d; not problem+json or failing a check %d%n",
                byStatus, answers.stream().filter(a -> a.status() >= 500 || a.status() == 0).count(),
                failures.size());
        slowest.forEach(a -> System.out.printf("[hostile]   slow: %d ms %s %s [%s] -> %d%n", a.millis(),
                a.attack().method(), shorten(a.attack().path(), 80), a.attack().name(), a.status()));
        failures.forEach(f -> System.out.println("[hostile]   FAILED " + f));
        assertEquals(List.of(), failures, "every hostile request a 4xx problem+json within " + HANG);
    }

    /** Why the answer is not what every hostile request must get, or null. */
    private static String problemIn(Answer answer) {
        if (answer.status() == 0) {
            return "no answer: " + answer.body();
        }
        if (answer.millis() > HANG.toMillis()) {
            return "took " + answer.millis() + " ms";
        }
        if (answer.status() < 400 || answer.status() >= 500) {
            return "status " + answer.status() + ": " + shorten(answer.body(), 300);
        }
        if (answer.contentType() == null || !answer.contentType().startsWith(PROBLEM)) {
            return "status " + answer.status() + " as " + answer.contentType() + ": " + shorten(answer.body(), 200);
        }
        if (answer.requestId() == null || answer.requestId().isBlank()) {
            return "status " + answer.status() + " without X-Request-Id";
        }
        try {
            JsonNode problem = JSON.readTree(answer.body());
            if (problem.path("status").asInt() != answer.status() || problem.path("title").asText("").isBlank()) {
                return "status " + answer.status() + ", a problem without matching status or title: "
                        + shorten(answer.body(), 200);
            }
        } catch (Exception e) {
            return "status " + answer.status() + ", the problem is not JSON: " + shorten(answer.body(), 200);
        }
        return null;
    }

    private Answer send(Attack attack) {
        HttpRequest.Builder request = HttpRequest.newBuilder(system.gateway().resolve(attack.path()))
                .timeout(CLIENT_TIMEOUT)
                .method(attack.method(), attack.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(attack.body()));
        if (attack.role() != null) {
            request.header("Authorization",
                    "Bearer " + system.infrastructure().tokens().issue(attack.role(), attack.region()));
        }
        if (attack.contentType() != null) {
            request.header("Content-Type", attack.contentType());
        }
        for (String header : attack.headers()) {
            int colon = header.indexOf(':');
            request.header(header.substring(0, colon), header.substring(colon + 1).trim());
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new Answer(attack, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("X-Request-Id").orElse(null), response.body(), millis);
        } catch (Exception e) {
            return new Answer(attack, 0, null, null, e.toString(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The corpus

    private static Attack attack(Endpoint endpoint, String name, String contentType, byte[] body,
            String... headers) {
        return new Attack(name, endpoint.method(), endpoint.path(), endpoint.role(), endpoint.region(), contentType,
                body, List.of(headers));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Whole-body attacks: framing, encoding, media type, size, depth. */
    private static List<Attack> bodyAttacks(Endpoint e) throws Exception {
        String json = "application/json";
        byte[] base = utf8(e.body());
        byte[] binary = new byte[4096];
        new Random(12).nextBytes(binary);
        JsonNode tree = JSON.readTree(e.body());
        String firstField = tree.isObject() ? tree.fieldNames().next() : null;
        List<Attack> attacks = new ArrayList<>(List.of(
                attack(e, "empty body", json, new byte[0]),
                attack(e, "no body, no content type", null, null),
                attack(e, "binary body as JSON", json, binary),
                attack(e, "binary body", "application/octet-stream", binary),
                attack(e, "JSON as text/plain", "text/plain", base),
                attack(e, "XML", "application/xml", utf8("<report><year>2024</year></report>")),
                attack(e, "form", "application/x-www-form-urlencoded", utf8("year=2024&title=x")),
                attack(e, "multipart", "multipart/form-data; boundary=xyz",
                        utf8("--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--xyz--\r\n")),
                attack(e, "content type injection", "application/json'; DROP TABLE x; --", base),
                attack(e, "garbage content type", "\u00e5/\u00e4", base),
                attack(e, "UTF-16 body", "application/json; charset=UTF-16",
                        e.body().getBytes(StandardCharsets.UTF_16)),
                attack(e, "UTF-16 body said to be UTF-8", json, e.body().getBytes(StandardCharsets.UTF_16LE)),
                attack(e, "truncated JSON", json, utf8(e.body().substring(0, e.body().length() / 2))),
                attack(e, "null", json, utf8("null")),
                attack(e, "a string", json, utf8("\"text\"")),
                attack(e, "a number", json, utf8("42")),
                attack(e, "the other shape", json, utf8(tree.isArray() ? "{}" : "[]")),
                attack(e, "trailing tokens", json, utf8(e.body() + " {\"x\": 1}")),
                attack(e, "comments", json, utf8("/* c */ " + e.body())),
                attack(e, "single quotes", json, utf8(e.body().replace('"', '\''))),
                attack(e, "deeply nested arrays", json, utf8("[".repeat(DEEP) + "]".repeat(DEEP))),
                attack(e, "deeply nested objects", json, utf8("{\"a\":".repeat(DEEP / 10) + "1" + "}".repeat(DEEP
                        / 10))),
                attack(e, "invalid UTF-8 (an encoded surrogate)", json, concat(utf8("{\"x\": \""),
                        new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, utf8("\"}"))),
                attack(e, "overlong UTF-8", json, concat(utf8("[\""), new byte[]{(byte) 0xC0, (byte) 0xAF},
                        utf8("\"]"))),
                attack(e, "NUL bytes", json, new byte[64]),
                attack(e, "body over the limit", json, concat(utf8("{\"x\": \""),
                        utf8("a".repeat(TOO_LARGE_BYTES)), utf8("\"}"))),
                attack(e, "a field name of megabytes", json, utf8("{\"" + "k".repeat(LONG_TEXT) + "\": 1}")),
                attack(e, "an array of " + MANY_LINES + " entries", json,
                        utf8("[" + String.join(",", java.util.Collections.nCopies(MANY_LINES, e.body())) + "]"))));
        if (firstField != null) {
            String value = JSON.writeValueAsString(tree.get(firstField));
            attacks.add(attack(e, "duplicate key " + firstField, json,
                    utf8("{\"" + firstField + "\": " + value + ", " + e.body().strip().substring(1))));
            attacks.add(attack(e, "unknown field", json,
                    utf8("{\"" + firstField + "X\": 1, " + e.body().strip().substring(1))));
            attacks.add(attack(e, "field name with NUL", json, utf8("{\"a\\u0000b\": 1, " + e.body().strip()
                    .substring(1))));
        } else {
            attacks.add(attack(e, "duplicate key in a row", json,
                    utf8(e.body().replaceFirst("\\{", "{\"regionCode\": \"03\", "))));
        }
        return attacks;
    }

    /** One field at a time: wrong types, hostile values, numbers that stall or overflow, unstorable text. */
    private static List<Attack> fieldAttacks(Endpoint e) throws Exception {
        List<Attack> attacks = new ArrayList<>();
        List<String> all = new ArrayList<>();
        all.addAll(e.codes());
        all.addAll(e.texts());
        all.addAll(e.numbers());
        for (String field : all) {
            boolean number = e.numbers().contains(field);
            for (String raw : WRONG_TYPES) {
                if (!(number && raw.equals("123"))) {
                    attacks.add(withField(e, field, "wrong type " + raw, utf8(number ? "\"" + raw + "\"" : raw)));
                }
            }
            attacks.add(withField(e, field, "null", utf8("null")));
        }
        for (String field : e.codes()) {
            for (String text : HOSTILE_TEXT) {
                attacks.add(withField(e, field, "hostile code " + text, utf8(JSON.writeValueAsString(text))));
            }
            for (String raw : UNSTORABLE_TEXT) {
                attacks.add(withField(e, field, "unstorable " + raw, utf8(raw)));
            }
        }
        for (String field : e.texts()) {
            for (String raw : UNSTORABLE_TEXT) {
                attacks.add(withField(e, field, "unstorable " + raw, utf8(raw)));
            }
            attacks.add(withField(e, field, "very long text", utf8("\"" + "å".repeat(LONG_TEXT) + "\"")));
            attacks.add(withField(e, field, "raw control characters", utf8("\"a\tb\nc\u0001\"")));
            attacks.add(withField(e, field, "invalid escape", utf8("\"\\x41\"")));
            if (e.guarded()) {
                for (String text : HOSTILE_TEXT) {
                    attacks.add(withField(e, field, "text " + text, utf8(JSON.writeValueAsString(text))));
                }
            }
        }
        for (String field : e.numbers()) {
            for (String raw : HOSTILE_NUMBERS) {
                attacks.add(withField(e, field, "number " + shorten(raw, 20), utf8(raw)));
            }
        }
        return attacks;
    }

    /** The base body with one field replaced by raw JSON bytes. */
    private static Attack withField(Endpoint e, String field, String name, byte[] raw) throws Exception {
        JsonNode tree = JSON.readTree(e.body());
        JsonPointer pointer = JsonPointer.compile(field);
        JsonNode parent = tree.at(pointer.head());
        String last = pointer.last().getMatchingProperty();
        if (parent instanceof ObjectNode object) {
            object.set(last, TextNode.valueOf(MARK));
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), TextNode.valueOf(MARK));
        } else {
            throw new IllegalArgumentException("no field " + field + " in " + e.name());
        }
        String[] parts = JSON.writeValueAsString(tree).split("\"" + MARK + "\"", -1);
        return attack(e, field + ": " + shorten(name, 40), "application/json", concat(utf8(parts[0]), raw,
                utf8(parts[1])));
    }

    /** The CSV import: broken framing, hostile fields, numbers that stall, sizes. */
    private static List<Attack> csvAttacks() {
        Endpoint csv = new Endpoint("observations, CSV", "POST",
                "/api/v1/indicators/EFTERVARDSBESOK/observations?dryRun=true", "registry", null, "", List.of(),
                List.of(), List.of(), true);
        String header = "region_code,period,group,value,numerator,denominator,clinic_min,clinic_max\n";
        String type = "text/csv";
        List<String> rows = new ArrayList<>(List.of(
                "01,2023-08-01/2024-07-31,ALL,1e999999999,,,,",
                "01,2023-08-01/2024-07-31,ALL," + "9".repeat(MANY_DIGITS) + ",,,,",
                "01,2023-08-01/2024-07-31,ALL,0." + "1".repeat(MANY_DIGITS) + ",,,,",
                "01,2023-08-01/2024-07-31,ALL,-1e-999999999,,,,",
                "01,2023-08-01/2024-07-31,ALL,NaN,,,,",
                "01,2023-08-01/2024-07-31,ALL,101,,,,",
                "01,2023-08-01/2024-07-31,ALL,50,9223372036854775808,2,,",
                "' OR 1=1 --,2023-08-01/2024-07-31,ALL,50,,,,",
                "01,2023-08-01/../../etc/passwd,ALL,50,,,,",
                "01,2023-08-01/2024-07-31,NOT_A_GROUP,50,,,,",
                "01,2023-08-01/2024-07-31,ALL,\"50\"\"\",,,,",
                "01,\"2023-08-01/2024-07-31,ALL,50,,,,",
                "\u202e01,2023-08-01/2024-07-31,ALL,50,,,,",
                "01,2023-08-01/2024-07-31,ALL😀,50,,,,",
                "01,2023-08-01/2024-07-31,A\u0000LL,50,,,,",
                "01,2023-08-01/2024-07-31,ALL,50,,,,,,,,,,",
                "01,2023-08-01/2024-07-31",
                "01,2023-08-01/2024-07-31,ALL,50,,,," + "x".repeat(LONG_TEXT),
                "=cmd|'/C calc'!A0,2023-08-01/2024-07-31,ALL,50,,,,"));
        List<Attack> attacks = new ArrayList<>();
        for (String row : rows) {
            attacks.add(attack(csv, "CSV row " + shorten(row, 40), type, utf8(header + row + "\n")));
        }
        attacks.add(attack(csv, "CSV without header", type, utf8("01,2023-08-01/2024-07-31,ALL,50,,,,\n")));
        attacks.add(attack(csv, "CSV with a wrong header", type, utf8("a,b,c\n1,2,3\n")));
        attacks.add(attack(csv, "CSV with a header of megabytes", type, utf8("x".repeat(LONG_TEXT) + "\n")));
        attacks.add(attack(csv, "CSV, empty", type, new byte[0]));
        attacks.add(attack(csv, "CSV, binary", type, new byte[]{0, 1, 2, (byte) 0xFF, (byte) 0xFE, 10, 13}));
        attacks.add(attack(csv, "CSV, invalid UTF-8", type, concat(utf8(header + "01,2023-08-01/2024-07-31,"),
                new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, utf8(",50,,,,\n"))));
        // Many rows, each invalid; the cost of large valid batches is measured by indicators' ImportBenchmark.
        attacks.add(attack(csv, "CSV of " + MANY_ROWS + " invalid rows", type, utf8(header
                + "01,2023-08-01/2024-07-31,ALL,101,,,,\n".repeat(MANY_ROWS))));
        attacks.add(attack(csv, "CSV as text/csv with UTF-16", "text/csv; charset=UTF-16",
                (header + "01,2023-08-01/2024-07-31,ALL,101,,,,\n").getBytes(StandardCharsets.UTF_16)));
        return attacks;
    }

    /** Paths, query strings, methods, tokens and headers, against every write endpoint. */
    private static List<Attack> pathAndHeaderAttacks() {
        List<Attack> attacks = new ArrayList<>();
        List<Endpoint> all = new ArrayList<>(ENDPOINTS);
        all.add(new Endpoint("publish (no such year)", "POST", "/api/v1/agreements/2099/allocations/publish",
                "admin", null, "{}", List.of(), List.of(), List.of(), true));
        all.add(new Endpoint("submission (report accepted)", "POST", "/api/v1/reports/2024/23/submission",
                "reporter", "23", "{}", List.of(), List.of(), List.of(), true));
        for (Endpoint e : all) {
            byte[] body = utf8(e.body());
            String json = "application/json";
            for (String[] swap : List.of(new String[]{"2024", "99999999999999999999"},
                    new String[]{"2025", "-2025"}, new String[]{"2099", "1e3"}, new String[]{"/23", "/%E2%80%AE23"},
                    new String[]{"/01", "/0%001"}, new String[]{"/01", "/%27%20OR%201%3D1"},
                    new String[]{"EFTERVARDSBESOK", "%F0%9F%98%80"}, new String[]{"POPULATION", "..%2F..%2Fetc"},
                    new String[]{"HOSTILE_PROBE", "%ED%A0%80"}, new String[]{"dryRun=true", "dryRun=yes"})) {
                if (e.path().contains(swap[0])) {
                    attacks.add(new Attack("path " + swap[1], e.method(), e.path().replace(swap[0], swap[1]),
                            e.role(), e.region(), json, body, List.of()));
                }
            }
            String separator = e.path().contains("?") ? "&" : "?";
            attacks.add(new Attack("URL of " + LONG_URL, e.method(),
                    e.path() + separator + "q=" + "a".repeat(LONG_URL), e.role(), e.region(), json, body,
                    List.of()));
            attacks.add(new Attack("query dryRun=maybe", e.method(), e.path() + separator + "dryRun=maybe&atomic=1e9",
                    e.role(), e.region(), json, body, List.of()));
            attacks.add(new Attack("header of " + LONG_HEADER, e.method(), e.path(), e.role(), e.region(), json,
                    body, List.of("X-Hostile: " + "h".repeat(LONG_HEADER))));
            attacks.add(new Attack("request id of " + LONG_HEADER, e.method(), e.path(), e.role(), e.region(), json,
                    body, List.of("X-Request-Id: " + "r".repeat(LONG_HEADER))));
            attacks.add(new Attack("hostile If-Match", e.method(), e.path(), e.role(), e.region(), json, body,
                    List.of("If-Match: \"' OR 1=1 --\"")));
            attacks.add(new Attack("Accept: XML only", e.method(), e.path(), e.role(), e.region(), json, body,
                    List.of("Accept: application/xml")));
            attacks.add(new Attack("Accept that is no media type", e.method(), e.path(), e.role(), e.region(), json,
                    body, List.of("Accept: \u00e5/\u00e4;;q=x")));
            attacks.add(new Attack("flag neither true nor false", e.method(), e.path() + separator + "dryRun=yes",
                    e.role(), e.region(), json, body, List.of()));
            attacks.add(new Attack("DELETE", "DELETE", e.path(), e.role(), e.region(), null, null, List.of()));
            attacks.add(new Attack("PATCH", "PATCH", e.path(), e.role(), e.region(), json, body, List.of()));
            attacks.add(new Attack("no token", e.method(), e.path(), null, null, json, body, List.of()));
            attacks.add(new Attack("not a token", e.method(), e.path(), null, null, json, body,
                    List.of("Authorization: Bearer ' OR 1=1 --")));
            attacks.add(new Attack("unsigned token", e.method(), e.path(), null, null, json, body,
                    List.of("Authorization: Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4IiwiZ3JvdXBzIjpbImFkbWluIl19.")));
            attacks.add(new Attack("a token of megabytes", e.method(), e.path(), null, null, json, body,
                    List.of("Authorization: Bearer " + "t".repeat(LONG_HEADER))));
            attacks.add(new Attack("Basic auth", e.method(), e.path(), null, null, json, body,
                    List.of("Authorization: Basic YWRtaW46YWRtaW4=")));
            attacks.add(new Attack("analyst", e.method(), e.path(), "analyst", null, json, body, List.of()));
        }
        return attacks;
    }

    private static String shorten(String text, int max) {
        if (text == null) {
            return "null";
        }
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + ")";
    }
}
