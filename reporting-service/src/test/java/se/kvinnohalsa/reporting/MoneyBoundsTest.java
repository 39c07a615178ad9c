package se.kvinnohalsa.reporting;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Spending lines cannot be bypassed by overflow (issue 12, item 1): amounts within 0 ... 10^13 SEK with a 422 naming
 * the field, the total compared with the exact sum, and the database's CHECK as the last line. Owns the year 2046.
 */
@QuarkusTest
class MoneyBoundsTest {

    private static final int YEAR = 2046;
    private static final String CHECK_VIOLATION = "23514";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void spendingBeyondTheBoundIs422AndTheDatabaseRefusesItToo() throws SQLException {
        Api.agreement(kafka, YEAR, LocalDate.parse("2047-03-31"), List.of("EFTERVARD", "KOMPETENSFORSORJNING"));
        Map<String, Long> lines = new LinkedHashMap<>();
        lines.put("EFTERVARD", Long.MAX_VALUE);
        lines.put("KOMPETENSFORSORJNING", Long.MAX_VALUE);
        String wrapping = Api.json(Api.report(lines, null)).replace("\"notSplitReason\":null",
                "\"notSplitReason\":null,\"totalSek\":0");
        Api.reporter("23").body(wrapping).put("/api/v1/reports/" + YEAR + "/23").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("spending.lines[0].amountSek", "spending.lines[1].amountSek"));
        Api.reporter("23").body(Api.json(Api.report(Map.of("EFTERVARD", 100L), null))
                .replace("\"notSplitReason\":null", "\"notSplitReason\":null,\"totalSek\":10000000000001"))
                .put("/api/v1/reports/" + YEAR + "/23").then().statusCode(422)
                .body("errors.field", hasItems("spending.totalSek"));

        Api.reporter("23").body(Api.json(Api.report(Map.of("EFTERVARD", 100L), null)))
                .put("/api/v1/reports/" + YEAR + "/23").then().statusCode(201);
        Api.admin().get("/api/v1/reports/" + YEAR + "/23").then().statusCode(200)
                .body("spending.lines[0].amountSek", org.hamcrest.Matchers.equalTo(100));
        // The last line: content written past the service is refused by the database.
        String report = " WHERE year = " + YEAR + " AND region_code = '23'";
        assertEquals(CHECK_VIOLATION, failing("UPDATE report SET content = jsonb_set(content::jsonb, "
                + "'{spending,lines,0,amountSek}', '9223372036854775807')::text" + report));
        assertEquals(CHECK_VIOLATION, failing("UPDATE report SET content = jsonb_set(content::jsonb, "
                + "'{spending,totalSek}', '99')::text" + report));
        assertEquals(CHECK_VIOLATION, failing("UPDATE report SET content = jsonb_set(content::jsonb, "
                + "'{spending,lines,0,amountSek}', '-1')::text" + report));
        assertEquals(CHECK_VIOLATION,
                failing("INSERT INTO region_allocation (year, region_code, version, total_sek, published_at) "
                        + "VALUES (" + YEAR + ", '23', 1, 10000000000001, now())"));
        Api.admin().get("/api/v1/reports/" + YEAR + "/23").then().statusCode(200)
                .body("spending.lines[0].amountSek", org.hamcrest.Matchers.equalTo(100))
                .body("totalSpentSek", org.hamcrest.Matchers.equalTo(100));
        Api.admin().get("/api/v1/reports/" + YEAR + "/summary").then().statusCode(200)
                .body("detail", org.hamcrest.Matchers.nullValue());
        org.hamcrest.MatcherAssert.assertThat(Api.admin().get("/api/v1/reports/" + YEAR + "/23").asString(),
                containsString("\"amountSek\":100"));
    }

    private String failing(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(sql));
            return e.getSQLState();
        }
    }
}
