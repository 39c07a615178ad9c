package se.kvinnohalsa.indicators;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.stack.testing.ServedOpenApi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

/** Every endpoint of the contract is in the service's OpenAPI document, with examples where bodies are sent. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyEndpointIsDocumented() {
        given().port(ServedOpenApi.managementPort()).queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200)
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

    /** The shared rules (ServedOpenApi): complete for client generators, examples in the components. */
    @Test
    void everyOperationIsCompleteForClientGenerators() {
        ServedOpenApi.assertCompleteWithExamplesInComponents();
    }
}
