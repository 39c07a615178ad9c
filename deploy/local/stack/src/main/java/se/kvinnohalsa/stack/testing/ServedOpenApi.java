package se.kvinnohalsa.stack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResourceManager;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document of the service under test (a {@code @QuarkusTest}), as it serves it, and the checks every
 * service's OpenApiTest shares: one place instead of a copy per service.
 */
public final class ServedOpenApi {

    private static final String DOCUMENT = "/q/openapi?format=json";

    private ServedOpenApi() {
    }

    /** Health, metrics and OpenAPI are on the management interface, not the API port. */
    public static int managementPort() {
        return URI.create(TestHTTPResourceManager.getManagementUri()).getPort();
    }

    /** The document the running service serves. */
    public static JsonNode document() {
        String document = given().port(managementPort()).accept("application/json").get(DOCUMENT).then()
                .statusCode(200).extract().asString();
        try {
            return new ObjectMapper().readTree(document);
        } catch (IOException e) {
            throw new IllegalStateException("the OpenAPI document is not JSON", e);
        }
    }

    /**
     * What every service's OpenApiTest checks besides its own endpoints: the rules of {@link OpenApiRules} over every
     * operation served (issue 18), and no example written inline in the module's resources (issue 14.5).
     */
    public static void assertCompleteWithExamplesInComponents() {
        assertAll(ServedOpenApi::assertCompleteForClientGenerators,
                () -> InlineExamples.assertNoneIn(InlineExamples.MAIN_CLASSES));
    }

    /** Fails listing every rule of {@link OpenApiRules} that an operation of the served document breaks. */
    public static void assertCompleteForClientGenerators() {
        List<String> violations = OpenApiRules.violations(document());
        assertTrue(violations.isEmpty(), violations.size() + " problem(s):\n" + String.join("\n", violations));
    }
}
