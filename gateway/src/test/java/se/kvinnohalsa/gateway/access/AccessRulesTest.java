package se.kvinnohalsa.gateway.access;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.kvinnohalsa.gateway.access.AccessRules.Verdict.ALLOW;
import static se.kvinnohalsa.gateway.access.AccessRules.Verdict.FORBIDDEN;
import static se.kvinnohalsa.gateway.access.AccessRules.Verdict.UNAUTHENTICATED;

/** Every write endpoint of the contract × every role × own and other region. */
class AccessRulesTest {

    private record Write(String method, String path, String region) {
    }

    private static final List<Write> REGION_WRITES = List.of(
            new Write("PUT", "/api/v1/reports/2024/23", "23"),
            new Write("POST", "/api/v1/reports/2024/23/submission", "23"),
            new Write("PUT", "/api/v1/agreements/2025/regions/23/decision", "23"));
    private static final List<Write> ADMIN_WRITES = List.of(
            new Write("POST", "/api/v1/agreements", null),
            new Write("PUT", "/api/v1/agreements/2025/pools/POPULATION/key", null),
            new Write("PUT", "/api/v1/agreements/2025/pools/POPULATION/amounts", null),
            new Write("POST", "/api/v1/agreements/2025/allocations/publish", null),
            new Write("POST", "/api/v1/reports/2024/23/review", null),
            new Write("PUT", "/api/v1/indicators/EFTERVARDSBESOK", null));
    private static final Write OBSERVATIONS = new Write("POST", "/api/v1/indicators/EFTERVARDSBESOK/observations",
            null);

    private static AccessRules.Caller caller(String role, String region) {
        return role == null ? AccessRules.Caller.ANONYMOUS : new AccessRules.Caller(role + "-x", Set.of(role), region);
    }

    private static AccessRules.Verdict check(Write write, String role, String region) {
        return AccessRules.check(write.method(), write.path(), caller(role, region));
    }

    @Test
    void regionScopedWrites() {
        for (Write write : REGION_WRITES) {
            assertEquals(UNAUTHENTICATED, check(write, null, null), write.path());
            assertEquals(ALLOW, check(write, "admin", null), write.path());
            assertEquals(ALLOW, check(write, "reporter", "23"), write.path());
            assertEquals(FORBIDDEN, check(write, "reporter", "01"), write.path());
            assertEquals(FORBIDDEN, check(write, "reporter", null), write.path());
            assertEquals(FORBIDDEN, check(write, "analyst", "23"), write.path());
            assertEquals(FORBIDDEN, check(write, "registry", "23"), write.path());
        }
    }

    @Test
    void adminWrites() {
        for (Write write : ADMIN_WRITES) {
            assertEquals(UNAUTHENTICATED, check(write, null, null), write.path());
            assertEquals(ALLOW, check(write, "admin", null), write.path());
            for (String role : List.of("reporter", "analyst", "registry")) {
                assertEquals(FORBIDDEN, check(write, role, "23"), role + " " + write.path());
            }
        }
    }

    @Test
    void observationsAreForRegistriesAndAdmins() {
        assertEquals(ALLOW, check(OBSERVATIONS, "registry", null));
        assertEquals(ALLOW, check(OBSERVATIONS, "admin", null));
        assertEquals(FORBIDDEN, check(OBSERVATIONS, "reporter", "23"));
        assertEquals(FORBIDDEN, check(OBSERVATIONS, "analyst", null));
        assertEquals(UNAUTHENTICATED, check(OBSERVATIONS, null, null));
    }

    @Test
    void readsArePublicHere() {
        assertEquals(ALLOW, AccessRules.check("GET", "/api/v1/reports/2024/23", AccessRules.Caller.ANONYMOUS));
    }
}
