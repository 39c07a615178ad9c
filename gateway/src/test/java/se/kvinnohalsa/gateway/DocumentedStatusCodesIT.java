package se.kvinnohalsa.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.gateway.system.PackagedSystem;
import se.kvinnohalsa.stack.testing.OpenApiRules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The status codes each operation answers are the ones its document promises (issue 18.4): every operation of the
 * merged document is driven through the gateway with the requests any client may get wrong (no token, a token of
 * another region or role, an unknown year, region or code, a body that is not JSON or is malformed) and with a
 * plain read, and every answer's status must be among that operation's documented responses. Generic over the
 * document, so an operation merged later is driven as well. Nothing here changes data: writes are only sent without a
 * token, with a token that may not write, or with bodies that are refused before anything is stored.
 */
class DocumentedStatusCodesIT {

    /** Plausible path parameter values (the demo data has them), and unknown ones. */
    private static final Map<String, String> KNOWN = Map.of("year", "2025", "regionCode", "23", "code",
            "EFTERVARDSBESOK", "poolCode", "RURAL", "version", "1");
    private static final Map<String, String> UNKNOWN = Map.of("year", "2031", "regionCode", "99", "code",
            "NO_SUCH_INDICATOR", "poolCode", "NO_SUCH_POOL", "version", "999");
    private static final String EVENT_STREAM = "text/event-stream";

    private static PackagedSystem system;
    private static JsonNode document;

    @BeforeAll
    static void readTheDocument() throws IOException {
        system = PackagedSystem.get();
        document = new ObjectMapper().readTree(
                system.at("gateway").get("/api/v1/openapi").then().statusCode(200).extract().asString());
    }

    private record Attempt(String what, UnaryOperator<RequestSpecification> request, Map<String, String> path,
            boolean sendsBody, String body, String contentType) {
    }

    @Test
    void everyAnswerOfEveryOperationIsDocumented() {
        List<String> undocumented = new ArrayList<>();
        int answers = 0;
        for (Map.Entry<String, JsonNode> entry : OpenApiRules.operations(document).entrySet()) {
            String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            String template = entry.getKey().substring(method.length() + 1);
            JsonNode operation = entry.getValue();
            if (streams(operation)) {
                // A stream stays open: only its refusal of a malformed resume position is a single answer.
                answers++;
                check(entry.getKey() + " bad Last-Event-ID", operation,
                        system.at("gateway").header("Last-Event-ID", "not-a-position").get(template).statusCode(),
                        undocumented);
                continue;
            }
            boolean secured = !operation.path("security").isEmpty();
            boolean takesBody = operation.has("requestBody");
            List<Attempt> attempts = new ArrayList<>();
            attempts.add(new Attempt("no token", r -> r, KNOWN, false, null, null));
            attempts.add(new Attempt("unknown path values", r -> r, UNKNOWN, false, null, null));
            if (secured) {
                attempts.add(new Attempt("reporter of another region", r -> token(r, "reporter", "01"), KNOWN,
                        takesBody, "{}", "application/json"));
                attempts.add(new Attempt("registry", r -> token(r, "registry", null), KNOWN, takesBody, "{}",
                        "application/json"));
            }
            if ("GET".equals(method)) {
                attempts.add(new Attempt("admin read", r -> token(r, "admin", null), KNOWN, false, null, null));
                attempts.add(new Attempt("admin read, unknown values", r -> token(r, "admin", null), UNKNOWN, false,
                        null, null));
            }
            if (takesBody) {
                // Refused before anything is stored: not JSON, or malformed (an admin's empty object could store).
                attempts.add(new Attempt("text/plain body", r -> token(r, "admin", null), KNOWN, true, "hello",
                        "text/plain"));
                attempts.add(new Attempt("malformed JSON", r -> token(r, "admin", null), KNOWN, true, "{\"a\":",
                        jsonType(operation)));
            }
            for (Attempt attempt : attempts) {
                if (attempt.sendsBody() && "{}".equals(attempt.body()) && !jsonType(operation).equals(
                        "application/json")) {
                    continue;
                }
                RequestSpecification request = attempt.request().apply(system.at("gateway"));
                if (attempt.sendsBody()) {
                    request = request.contentType(attempt.contentType()).body(attempt.body());
                }
                Response response = request.request(method, path(template, attempt.path()));
                answers++;
                check(entry.getKey() + " (" + attempt.what() + ")", operation, response.statusCode(), undocumented);
            }
        }
        System.out.printf("[status-codes] %d answers of %d operations checked against the document%n", answers,
                OpenApiRules.operations(document).size());
        assertTrue(undocumented.isEmpty(), undocumented.size() + " undocumented answer(s):\n"
                + String.join("\n", undocumented));
    }

    private static void check(String what, JsonNode operation, int status, List<String> undocumented) {
        if (!operation.path("responses").has(String.valueOf(status))) {
            undocumented.add(what + ": " + status + " is not among " + names(operation.path("responses")));
        }
    }

    private static List<String> names(JsonNode responses) {
        List<String> names = new ArrayList<>();
        responses.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static boolean streams(JsonNode operation) {
        return operation.path("responses").path("200").path("content").has(EVENT_STREAM);
    }

    /** The JSON media type the operation takes (a CSV import also takes JSON). */
    private static String jsonType(JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        return content.has("application/json") ? "application/json" : content.fieldNames().next();
    }

    private static RequestSpecification token(RequestSpecification request, String role, String region) {
        return request.header("Authorization", "Bearer " + system.infrastructure().tokens().issue(role, region));
    }

    private static String path(String template, Map<String, String> values) {
        String path = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        return path.replaceAll("\\{[^}]+}", "x");
    }
}
