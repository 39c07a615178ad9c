package se.kvinnohalsa.stack.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.specification.RequestSpecification;
import se.kvinnohalsa.stack.DemoCsv;
import se.kvinnohalsa.stack.Infrastructure;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Requests as the public contract's users make them (bearer tokens signed with the test infrastructure's key), and the
 * published figures of shared/data. Each service's test {@code Api} extends this class with its own fixtures, so
 * that a test calls {@code Api.admin()} and {@code Api.report(...)} through one name.
 */
public abstract class ContractApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration AWAIT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(100);

    protected ContractApi() {
    }

    /** The Authorization header's value for a role; region only for a reporter (may be null). */
    public static String token(String role, String region) {
        return "Bearer " + Infrastructure.shared().tokens().issue(role, region);
    }

    /** A request with a token of that role (and region) and a JSON body. */
    public static RequestSpecification as(String role, String region) {
        return given().header("Authorization", token(role, region)).contentType("application/json");
    }

    /** A request with a token of a role that has no region. */
    public static RequestSpecification as(String role) {
        return as(role, null);
    }

    public static RequestSpecification admin() {
        return as("admin");
    }

    public static RequestSpecification reporter(String region) {
        return as("reporter", region);
    }

    public static RequestSpecification registry() {
        return as("registry");
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of a CSV from shared/data as maps from its header's column names (comment lines skipped). */
    public static List<Map<String, String>> csv(String file) {
        return DemoCsv.read(file);
    }

    /** Waits until GET {@code path} answers {@code status} (e.g. after an event was sent to the service). */
    public static void awaitStatus(String path, int status) {
        await(path + " answers " + status).atMost(AWAIT).pollInterval(POLL)
                .until(() -> given().get(path).statusCode() == status);
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
