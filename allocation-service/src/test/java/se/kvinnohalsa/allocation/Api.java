package se.kvinnohalsa.allocation;

import io.restassured.specification.RequestSpecification;
import se.kvinnohalsa.stack.Infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static io.restassured.RestAssured.given;

/** Requests as the contract's users make them, and the published figures in shared/data. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String role, String region) {
        return given().header("Authorization", "Bearer " + Infrastructure.shared().tokens().issue(role, region))
                .contentType("application/json");
    }

    public static RequestSpecification admin() {
        return as("admin", null);
    }

    /** Rows of a CSV from shared/data (comment lines skipped, header included). */
    public static List<String[]> csv(String file) {
        try (InputStream in = Api.class.getResourceAsStream("/se/kvinnohalsa/stack/demo/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String agreement(int year, long total, long population, long rural, String deadline) {
        return """
                {"year": %d, "title": "Överenskommelse %d", "totalSek": %d, "reportingDeadline": "%s",
                 "pools": [{"code": "POPULATION", "amountSek": %d}, {"code": "RURAL", "amountSek": %d}],
                 "focusAreas": [{"code": "EFTERVARD", "name": "Utveckling av eftervård"},
                                {"code": "KOMPETENSFORSORJNING", "name": "Stärkt kompetensförsörjning"}],
                 "conditions": ["Kompetensförsörjningsplan för barnmorskor och andra professioner"]}"""
                .formatted(year, year, total, deadline, population, rural);
    }

    public static String[] header(List<String[]> rows) {
        return Arrays.copyOf(rows.get(0), rows.get(0).length);
    }
}
