package se.kvinnohalsa.gateway.access;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.stack.Infrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every write endpoint of the contract x every role x own and other region, through the gateway. A refused request
 * is answered by the gateway itself (401/403 problem+json; the stub services would have answered 2xx or, for the
 * reporting service that is down, 502/503); an allowed one is passed on.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final String OWN = "23";
    private static final String OTHER = "01";

    /** A write endpoint of shared/API.md, with who may use it: roles, and whether a reporter must be of the region. */
    private record Endpoint(String method, String path, Set<String> roles, boolean regionScoped) {
    }

    private record Caller(String name, String role, String region) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/v1/agreements", Set.of("admin"), false),
            new Endpoint("PUT", "/api/v1/agreements/2025/pools/POPULATION/key", Set.of("admin"), false),
            new Endpoint("PUT", "/api/v1/agreements/2025/pools/POPULATION/amounts", Set.of("admin"), false),
            new Endpoint("POST", "/api/v1/agreements/2025/allocations/publish", Set.of("admin"), false),
            new Endpoint("PUT", "/api/v1/agreements/2025/regions/23/decision", Set.of("admin", "reporter"), true),
            new Endpoint("PUT", "/api/v1/reports/2025/23", Set.of("admin", "reporter"), true),
            new Endpoint("POST", "/api/v1/reports/2025/23/submission", Set.of("admin", "reporter"), true),
            new Endpoint("POST", "/api/v1/reports/2025/23/review", Set.of("admin"), false),
            new Endpoint("PUT", "/api/v1/indicators/EFTERVARDSBESOK", Set.of("admin"), false),
            new Endpoint("POST", "/api/v1/indicators/EFTERVARDSBESOK/observations", Set.of("admin", "registry"),
                    false));

    private static final List<Caller> CALLERS = List.of(
            new Caller("no token", null, null),
            new Caller("admin", "admin", null),
            new Caller("reporter of the region", "reporter", OWN),
            new Caller("reporter of another region", "reporter", OTHER),
            new Caller("analyst", "analyst", null),
            new Caller("registry", "registry", null));

    private static boolean allowed(Endpoint endpoint, Caller caller) {
        if (caller.role() == null || !endpoint.roles().contains(caller.role())) {
            return false;
        }
        return !endpoint.regionScoped() || !"reporter".equals(caller.role()) || OWN.equals(caller.region());
    }

    @Test
    void everyWriteEndpointForEveryRoleAndRegion() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Endpoint endpoint : ENDPOINTS) {
            for (Caller caller : CALLERS) {
                var request = given().contentType("application/json").body("{}");
                if (caller.role() != null) {
                    request.header("Authorization",
                            "Bearer " + Infrastructure.shared().tokens().issue(caller.role(), caller.region()));
                }
                Response response = request.request(endpoint.method(), endpoint.path());
                int status = response.statusCode();
                boolean expectAllowed = allowed(endpoint, caller);
                int expectedRefusal = caller.role() == null ? 401 : 403;
                boolean ok = expectAllowed
                        ? status != 401 && status != 403
                        : status == expectedRefusal && response.contentType().startsWith("application/problem+json");
                if (!ok) {
                    wrong.add(endpoint.method() + " " + endpoint.path() + " as " + caller.name() + ": " + status
                            + (expectAllowed ? " (expected it passed on)" : " (expected " + expectedRefusal + ")"));
                }
                checked++;
            }
        }
        assertEquals(ENDPOINTS.size() * CALLERS.size(), checked);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }
}
