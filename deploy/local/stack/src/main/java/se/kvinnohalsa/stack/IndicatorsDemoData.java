package se.kvinnohalsa.stack;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Registry indicators through the public API, as a registry loads them: postpartum-visit-2023-24.csv as
 * EFTERVARDSBESOK for 2023/24 (with the clinic ranges) and for the previous period 2022-09-01/2023-08-31 (from
 * previous_value), as CSV with a registry token. Plus a little group data so that the gaps endpoint shows something:
 * those figures are ILLUSTRATIVE (the published file has no group breakdown), derived from each region's value:
 * higher education +2.5, at most primary school -7.5 (2023/24) and -6.5 (2022/23) percentage points.
 * Idempotent: a re-import of the same rows answers 200 with every row unchanged.
 */
final class IndicatorsDemoData {

    private static final String PATH = "/api/v1/indicators/EFTERVARDSBESOK/observations";
    private static final String CSV = "text/csv";
    private static final String HEADER = "region_code,period,group,value,numerator,denominator,clinic_min,clinic_max\n";
    private static final String CURRENT = "2023-08-01/2024-07-31";
    private static final String PREVIOUS = "2022-09-01/2023-08-31";
    private static final BigDecimal HIGHER = new BigDecimal("2.5");
    private static final BigDecimal PRIMARY_CURRENT = new BigDecimal("-7.5");
    private static final BigDecimal PRIMARY_PREVIOUS = new BigDecimal("-6.5");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private IndicatorsDemoData() {
    }

    static void load(DemoData api) throws IOException, InterruptedException {
        List<Map<String, String>> rows = DemoCsv.read("postpartum-visit-2023-24.csv");
        StringBuilder published = new StringBuilder(HEADER);
        for (Map<String, String> r : rows) {
            published.append(String.join(",", r.get("region_code"), CURRENT, "ALL", r.get("value"), "", "",
                    r.get("clinic_min"), r.get("clinic_max"))).append('\n');
            published
                    .append(String.join(",", r.get("region_code"), PREVIOUS, "ALL", r.get("previous_value"), "", "", "",
                            ""))
                    .append('\n');
        }
        AllocationDemoData.expect(api.send("POST", PATH, "registry", null, CSV, published.toString()), 200);

        StringBuilder groups = new StringBuilder(HEADER);
        for (Map<String, String> r : rows) {
            BigDecimal current = new BigDecimal(r.get("value"));
            BigDecimal previous = new BigDecimal(r.get("previous_value"));
            groups.append(row(r.get("region_code"), CURRENT, "EDU_HIGHER", current.add(HIGHER)));
            groups.append(row(r.get("region_code"), CURRENT, "EDU_PRIMARY", current.add(PRIMARY_CURRENT)));
            groups.append(row(r.get("region_code"), PREVIOUS, "EDU_HIGHER", previous.add(HIGHER)));
            groups.append(row(r.get("region_code"), PREVIOUS, "EDU_PRIMARY", previous.add(PRIMARY_PREVIOUS)));
        }
        AllocationDemoData.expect(api.send("POST", PATH, "registry", null, CSV, groups.toString()), 200);
        LocalStack.log("indicators demo data: EFTERVARDSBESOK 2023/24 and 2022/23 for 21 regions and SE, "
                + "illustrative EDU_HIGHER/EDU_PRIMARY groups");
    }

    private static String row(String region, String period, String group, BigDecimal value) {
        BigDecimal bounded = value.min(HUNDRED).max(BigDecimal.ZERO);
        return String.join(",", region, period, group, bounded.toPlainString(), "", "", "", "") + "\n";
    }
}
