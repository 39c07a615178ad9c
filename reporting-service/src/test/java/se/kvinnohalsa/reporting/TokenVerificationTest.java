package se.kvinnohalsa.reporting;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.stack.Infrastructure;
import se.kvinnohalsa.stack.RefusedTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service checks every token again (it can be called without the gateway, e.g. from inside the cluster): expired,
 * signed with another key, unsigned (alg none), HMAC-signed with the public key, of another issuer, and made by the
 * same issuer for another application (audience) or for none are all 401 problem+json.
 */
@QuarkusTest
class TokenVerificationTest {

    private static final String READ = "/api/v1/reports/2024";

    @Test
    void everyRefusedTokenIs401() {
        List<String> accepted = new ArrayList<>();
        for (Map.Entry<String, String> token : RefusedTokens.all(Infrastructure.shared().keys()).entrySet()) {
            Response response = given().header("Authorization", "Bearer " + token.getValue()).get(READ);
            if (response.statusCode() != 401 || !response.contentType().startsWith("application/problem+json")) {
                accepted.add(token.getKey() + ": " + response.statusCode());
            }
        }
        assertTrue(accepted.isEmpty(), "accepted: " + accepted);
    }

    @Test
    void thePlatformsOwnTokenPasses() {
        int status = given().header("Authorization", "Bearer " + Infrastructure.shared().tokens().issue("admin", null))
                .get(READ).statusCode();
        assertTrue(status != 401 && status != 403, "admin reads the overview: " + status);
    }
}
