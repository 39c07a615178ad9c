package se.kvinnohalsa.gateway.openapi;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/** The merged document from the gateway's own and the stub services' documents (ContractFixtures); reporting is down. */
@QuarkusTest
class MergedOpenApiTest {

    @Test
    void everyPublicPathOfEveryReachableServiceAndTheGatewaysOwn() {
        given().get("/api/v1/openapi").then().statusCode(200).contentType("application/json")
                .body("info.title", equalTo("Kvinnohälsa API"))
                .body("paths", hasKey("/api/v1/agreements")).body("paths", hasKey("/api/v1/indicators"))
                .body("paths", hasKey("/api/v1/overview/regions/{regionCode}"))
                .body("paths", not(hasKey("/admin/outbox/replay")))
                .body("x-unavailable-services", containsInAnyOrder("reporting-service"));
    }

    @Test
    void componentsWithTheSameNameButOtherContentAreKeptApart() {
        given().get("/api/v1/openapi").then().statusCode(200)
                .body("components.schemas.View.properties", hasKey("year"))
                .body("components.schemas.indicators_View.properties", hasKey("code"))
                .body("components.schemas", hasKey("FieldError"))
                .body("components.schemas", not(hasKey("indicators_FieldError")))
                .body("paths.'/api/v1/indicators'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/indicators_View"))
                .body("paths.'/api/v1/agreements'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/View"))
                .body("tags.findAll { it.name == 'Agreements' }.size()", equalTo(1));
    }

    @Test
    void swaggerUiShowsTheMergedDocument() {
        given().get("/swagger-ui/").then().statusCode(200).body(containsString("/api/v1/openapi"));
    }
}
