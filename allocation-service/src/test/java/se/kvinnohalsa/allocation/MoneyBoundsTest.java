package se.kvinnohalsa.allocation;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Money cannot be bypassed by overflow (issue 12, item 1): every amount within 0 ... 10^13 SEK with a 422 naming the
 * field, sums exact, and the database's CHECK constraints and deferred sum checks as the last line. This class owns
 * the years 2044 and 2045.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MoneyBoundsTest {

    private static final int YEAR = 2044;
    private static final long POPULATION = 17_343_191L;
    private static final long RURAL = 7_503_287L;
    private static final String CHECK_VIOLATION = "23514";

    @Inject
    AgroalDataSource dataSource;

    private static String decision(String lines) {
        return """
                {"reference": "RS/25/2044", "decidedOn": "2044-05-28", "decidedBy": "Regiondirektör",
                 "lines": [%s]}""".formatted(lines);
    }

    @Test
    @Order(1)
    void aDecisionWhoseLinesOnlyAddUpByWrappingAroundIs422() {
        Api.admin().body(Api.agreement(YEAR, POPULATION + RURAL, POPULATION, RURAL, "2045-03-31"))
                .post("/api/v1/agreements").then().statusCode(201);
        Api.admin().body("{\"amounts\": [{\"regionCode\": \"23\", \"amountSek\": %d}]}".formatted(POPULATION))
                .put("/api/v1/agreements/" + YEAR + "/pools/POPULATION/amounts").then().statusCode(200);
        Api.admin().body("{\"amounts\": [{\"regionCode\": \"23\", \"amountSek\": %d}]}".formatted(RURAL))
                .put("/api/v1/agreements/" + YEAR + "/pools/RURAL/amounts").then().statusCode(200);
        Api.admin().post("/api/v1/agreements/" + YEAR + "/allocations/publish").then().statusCode(201);

        // Issue 12: these were accepted with 200, the long sum wrapping around to the published 24,846,478.
        Api.as("reporter", "23").body(decision("""
                {"unit": "A", "amountSek": 9223372036854775807}, {"unit": "B", "amountSek": 9223372036854775807},
                {"unit": "C", "amountSek": 24846480}"""))
                .put("/api/v1/agreements/" + YEAR + "/regions/23/decision").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("lines[0].amountSek", "lines[1].amountSek"));
        // Within the bound but each above the region's total, and a sum that does not add up.
        Api.as("reporter", "23").body(decision("""
                {"unit": "A", "amountSek": 10000000000000}, {"unit": "B", "amountSek": 1}"""))
                .put("/api/v1/agreements/" + YEAR + "/regions/23/decision").then().statusCode(422)
                .body("errors.field", hasItems("lines[0].amountSek", "lines"))
                .body("errors.message", hasItems(containsString("add up to 10000000000001 SEK")));
        given().get("/api/v1/agreements/" + YEAR + "/regions/23/decision").then().statusCode(404);

        Api.as("reporter", "23").body(decision("""
                {"unit": "Område Kvinna", "amountSek": 16701014},
                {"unit": "Mödrahälsovård/primärvård", "amountSek": 8145464}"""))
                .put("/api/v1/agreements/" + YEAR + "/regions/23/decision").then().statusCode(201);
    }

    @Test
    @Order(2)
    void agreementsAndPoolsAreBoundedAndExact() {
        Api.admin().body(Api.agreement(2045, 10_000_000_000_001L, 1, 1, "2046-03-31")).post("/api/v1/agreements")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("totalSek"));
        Api.admin().body(Api.agreement(2045, 100, Long.MAX_VALUE, Long.MAX_VALUE - 98, "2046-03-31"))
                .post("/api/v1/agreements").then().statusCode(422)
                .body("errors.field", hasItems("pools[0].amountSek", "pools[1].amountSek"));
        Api.admin().body("{\"amounts\": [{\"regionCode\": \"23\", \"amountSek\": 9223372036854775807}, "
                + "{\"regionCode\": \"25\", \"amountSek\": 9223372036854775807}, "
                + "{\"regionCode\": \"01\", \"amountSek\": " + (RURAL + 2) + "}]}")
                .put("/api/v1/agreements/" + YEAR + "/pools/RURAL/amounts").then().statusCode(422)
                .body("errors.field", hasItems("amounts[0].amountSek", "amounts[1].amountSek"));
        given().get("/api/v1/agreements/2045").then().statusCode(404);
    }

    @Test
    @Order(3)
    void theDatabaseRefusesWhatTheServiceWouldNeverWrite() throws SQLException {
        assertEquals(CHECK_VIOLATION, failing("""
                INSERT INTO agreement (year, title, total_sek, reporting_deadline, created_at, created_by)
                VALUES (2045, 'x', 10000000000001, '2046-03-31', now(), 'test')"""));
        assertEquals(CHECK_VIOLATION, failing("""
                UPDATE region_decision_line SET amount_sek = 9223372036854775807
                WHERE year = 2044 AND region_code = '23' AND position = 0"""));
        // Lines that do not add up to the decision's total: refused at commit (summed in numeric, which cannot wrap).
        assertEquals(CHECK_VIOLATION, failing("""
                UPDATE region_decision_line SET amount_sek = CASE position WHEN 0 THEN 5000000000000
                    ELSE 24846478 - 5000000000000 + 5000000000000 * 2 END
                WHERE year = 2044 AND region_code = '23'"""));
        assertEquals(CHECK_VIOLATION, failing("""
                UPDATE agreement_pool SET amount_sek = amount_sek + 1 WHERE year = 2044 AND code = 'RURAL'"""));
        // A change that keeps the sums passes.
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeUpdate("UPDATE region_decision_line SET amount_sek = amount_sek - 1 "
                    + "WHERE year = 2044 AND region_code = '23' AND position = 0");
            s.executeUpdate("UPDATE region_decision_line SET amount_sek = amount_sek + 1 "
                    + "WHERE year = 2044 AND region_code = '23' AND position = 1");
            c.commit();
        }
        given().get("/api/v1/agreements/" + YEAR + "/regions/23/decision").then().statusCode(200)
                .body("lines.amountSek", hasItems(16_701_013, 8_145_465));
    }

    /** Runs the statement and commits; returns the SQLSTATE it failed with. */
    private String failing(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            SQLException e = assertThrows(SQLException.class, () -> {
                s.executeUpdate(sql);
                c.commit();
            });
            c.rollback();
            return e.getSQLState();
        }
    }
}
