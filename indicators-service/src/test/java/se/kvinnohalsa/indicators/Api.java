package se.kvinnohalsa.indicators;

import org.hamcrest.Matchers;
import se.kvinnohalsa.stack.testing.ContractApi;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Requests as the contract's users make them and the published figures in shared/data ({@link ContractApi}), and
 * indicators-service's own import formats and test indicators.
 */
public final class Api extends ContractApi {

    public static final String CURRENT = "2023-08-01/2024-07-31";
    public static final String PREVIOUS = "2022-09-01/2023-08-31";
    public static final String POSTPARTUM = "EFTERVARDSBESOK";
    public static final String HEADER = "region_code,period,group,value,numerator,denominator,clinic_min,clinic_max";

    private Api() {
    }

    /**
     * postpartum-visit-2023-24.csv in the import format: 2023/24 with the clinic ranges, and the previous period
     * (2022-09-01/2023-08-31) from previous_value (its clinic ranges are not published).
     */
    public static String postpartumCsv() {
        List<Map<String, String>> rows = csv("postpartum-visit-2023-24.csv");
        String current = rows.stream()
                .map(r -> String.join(",", r.get("region_code"), CURRENT, "ALL", r.get("value"), "", "",
                        r.get("clinic_min"), r.get("clinic_max")))
                .collect(Collectors.joining("\n"));
        String previous = rows.stream().map(r -> String.join(",", r.get("region_code"), PREVIOUS, "ALL",
                r.get("previous_value"), "", "", "", "")).collect(Collectors.joining("\n"));
        return HEADER + "\n" + current + "\n" + previous + "\n";
    }

    public static String[] regionCodes() {
        return csv("regions.csv").stream().map(r -> r.get("code")).toArray(String[]::new);
    }

    /** Creates (or re-defines) a test indicator through the API. */
    public static void define(String code, String unit, String periodType, String target, String... groups) {
        String body = """
                {"name": "Test %s", "description": "Test indicator", "unit": "%s", "source": "tests",
                 "periodType": "%s", "target": %s, "groups": %s}""".formatted(code, unit, periodType,
                target == null ? "null" : target,
                Arrays.stream(groups).map(g -> "\"" + g + "\"").collect(Collectors.joining(",", "[", "]")));
        admin().contentType("application/json").body(body).put("/api/v1/indicators/" + code)
                .then().statusCode(Matchers.oneOf(200, 201));
    }
}
