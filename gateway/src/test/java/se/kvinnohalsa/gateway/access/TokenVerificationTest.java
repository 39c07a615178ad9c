package se.kvinnohalsa.gateway.access;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.stack.Infrastructure;
import se.kvinnohalsa.stack.RefusedTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway refuses every token that is not the platform's own with 401 problem+json before anything reaches a
 * service: expired, signed with another key, unsigned (alg none), HMAC-signed with the public key, of another issuer,
 * and one made by the same issuer for another application (audience) or for none.
 */
@QuarkusTest
class TokenVerificationTest {

    private static final String WRITE = "/api/v1/agreements/2025/regions/23/decision";

    @Test
    void everyRefusedTokenIs401() {
        List<String> accepted = new ArrayList<>();
        for (Map.Entry<String, String> token : RefusedTokens.all(Infrastructure.shared().keys()).entrySet()) {
            Response response = given().header("Authorization", "Bearer " + token.getValue())
                    .contentType("application/json").body("{}").put(WRITE);
            if (response.statusCode() != 401 || !response.contentType().startsWith("application/problem+json")
                    || !"Bearer error=\"invalid_token\"".equals(response.header("WWW-Authenticate"))) {
                accepted.add(token.getKey() + ": " + response.statusCode());
            }
        }
        assertTrue(accepted.isEmpty(), "accepted: " + accepted);
    }

    @Test
    void thePlatformsOwnTokenPasses() {
        given().header("Authorization", "Bearer " + Infrastructure.shared().tokens().issue("admin", null))
                .contentType("application/json").body("{}").put(WRITE).then().statusCode(200)
                .body("method", equalTo("PUT"));
    }
}
