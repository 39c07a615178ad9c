package se.kvinnohalsa.allocation;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.support.access.RegionAccess;
import se.kvinnohalsa.support.problem.InvalidContentException;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The shared error shapes of the contract, through a test-only resource. */
@QuarkusTest
class ProblemShapesTest {

    @Path("/test-only/problems")
    public static class ProbeResource {
        @Inject
        JsonWebToken token;

        public record Line(@NotBlank String unit, @NotNull @Min(0) Long amountSek) {
        }

        public record Body(@NotNull Integer year, @NotNull @Valid List<@Valid Line> lines) {
        }

        @POST
        @io.quarkus.security.Authenticated
        @Path("/{region}")
        @Consumes(MediaType.APPLICATION_JSON)
        public String post(@PathParam("region") String region, @Valid @NotNull Body body) {
            RegionAccess.requireWriterFor(token, region);
            if (body.year() < 2015) {
                throw new InvalidContentException("year", "must be 2015 or later");
            }
            return "ok";
        }
    }

    @Test
    void malformedJsonIs400NamingTheBody() {
        given().contentType("application/json").header("Authorization", Api.token("admin", null)).body("{\"year\": 20")
                .post("/test-only/problems/23").then().log().ifValidationFails().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("body"));
    }

    @Test
    void wrongTypeIs400NamingTheField() {
        given().contentType("application/json").header("Authorization", Api.token("admin", null))
                .body("{\"year\": 2024, \"lines\": [{\"unit\": \"A\", \"amountSek\": \"many\"}]}")
                .post("/test-only/problems/23").then().log().ifValidationFails().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("lines[0].amountSek"))
                .body("errors[0].message", containsString("number"));
    }

    @Test
    void constraintViolationsAre422WithEveryField() {
        given().contentType("application/json").header("Authorization", Api.token("admin", null))
                .body("{\"year\": null, \"lines\": [{\"unit\": \"\", \"amountSek\": -1}]}")
                .post("/test-only/problems/23").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("year"))
                .body("errors.field", hasItem("lines[0].unit"))
                .body("errors.field", hasItem("lines[0].amountSek"));
    }

    @Test
    void domainRulesAre422() {
        given().contentType("application/json").header("Authorization", Api.token("admin", null))
                .body("{\"year\": 2000, \"lines\": []}")
                .post("/test-only/problems/23").then().statusCode(422)
                .body("errors[0].field", equalTo("year")).body("status", equalTo(422));
    }

    @Test
    void missingTokenIs401AndOtherRegionIs403() {
        given().contentType("application/json").body("{\"year\": 2024, \"lines\": []}")
                .post("/test-only/problems/23").then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").header("Authorization", "Bearer not.a.jwt")
                .body("{\"year\": 2024, \"lines\": []}")
                .post("/test-only/problems/23").then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").header("Authorization", Api.token("reporter", "01"))
                .body("{\"year\": 2024, \"lines\": []}")
                .post("/test-only/problems/23").then().statusCode(403).contentType("application/problem+json");
        given().contentType("application/json").header("Authorization", Api.token("reporter", "23"))
                .body("{\"year\": 2024, \"lines\": []}")
                .post("/test-only/problems/23").then().statusCode(200).body(equalTo("ok"));
        given().contentType("text/plain").header("Authorization", Api.token("admin", null)).body("x")
                .post("/test-only/problems/23").then().statusCode(415).contentType("application/problem+json");
    }
}
