package se.kvinnohalsa.indicators;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.stack.testing.OpenApiRules;

import java.net.URI;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every endpoint of the contract is in the service's OpenAPI document, with examples where bodies are sent. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyEndpointIsDocumented() {
        given().port(managementPort()).queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/indicators"))
                .body("paths", hasKey("/api/v1/indicators/{code}"))
                .body("paths", hasKey("/api/v1/indicators/{code}/observations"))
                .body("paths", hasKey("/api/v1/indicators/{code}/values"))
                .body("paths", hasKey("/api/v1/indicators/{code}/summary"))
                .body("paths", hasKey("/api/v1/indicators/{code}/gaps"))
                .body("paths", hasKey("/api/v1/indicators/{code}/series"))
                .body("paths", hasKey("/api/v1/indicators/{code}/history"))
                .body("paths", hasKey("/api/v1/indicators/latest"))
                .body("paths", hasKey("/api/v1/indicators/{code}/periods"))
                .body("paths.'/api/v1/indicators/{code}/periods'.get.summary", notNullValue())
                .body("paths.'/api/v1/indicators/{code}/periods'.get.responses.'200'.content.'application/json'.examples",
                        notNullValue())
                .body("paths.'/api/v1/indicators/{code}/observations'.post.requestBody.content.'text/csv'.examples",
                        notNullValue())
                .body("paths.'/api/v1/indicators/{code}/observations'.post.requestBody.content.'application/json'.examples",
                        notNullValue())
                .body("paths.'/api/v1/indicators/{code}'.put.requestBody.content.'application/json'.examples",
                        notNullValue());
    }

    /** The rules every operation must satisfy (issue 18), over every operation the document has. */
    @Test
    void everyOperationIsCompleteForClientGenerators() throws Exception {
        String document = given().port(managementPort()).accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        List<String> violations = OpenApiRules.violations(new ObjectMapper().readTree(document));
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    /** Health, metrics and OpenAPI are on the management interface, not the API port. */
    private static int managementPort() {
        return URI.create(TestHTTPResourceManager.getManagementUri()).getPort();
    }
}
