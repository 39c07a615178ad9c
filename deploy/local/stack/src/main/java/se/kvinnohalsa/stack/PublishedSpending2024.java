package se.kvinnohalsa.stack;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The 21 regions' 2024 spending as published, in kronor: spending-shares-2024.csv (share per focus area x the region's
 * allocation in allocations-2024.csv, whole kronor) for the regions that split it, spending-not-split-2024.csv (a
 * reason, partial shares where given, and the whole allocation as the total) for the others. Used by the demo data
 * and by reporting-service's national summary test, so both report the same figures.
 */
public final class PublishedSpending2024 {

    private static final BigDecimal PERCENT = BigDecimal.valueOf(100);
    private static final String NOTHING_REPORTED = "-";

    /** One region's spending: kronor per focus area, and for a region that could not split it, why and the total. */
    public record RegionSpending(Map<String, Long> lines, String notSplitReason, Long totalSek) {
    }

    private PublishedSpending2024() {
    }

    /** The published 2024 allocation per region code, in kronor. */
    public static Map<String, Long> allocations() {
        Map<String, Long> allocations = new LinkedHashMap<>();
        DemoCsv.read("allocations-2024.csv")
                .forEach(r -> allocations.put(r.get("region_code"), Long.parseLong(r.get("total_sek"))));
        return allocations;
    }

    /** Every region's spending by region code: the split regions first, then those that could not split it. */
    public static Map<String, RegionSpending> byRegion() {
        Map<String, Long> allocations = allocations();
        Map<String, RegionSpending> spending = new LinkedHashMap<>();
        for (Map<String, String> row : DemoCsv.read("spending-shares-2024.csv")) {
            String region = row.get("region_code");
            Map<String, Long> lines = new LinkedHashMap<>();
            row.forEach((column, share) -> {
                if (!column.equals("region_code") && !share.equals(NOTHING_REPORTED) && !share.isBlank()) {
                    lines.put(column, kronor(share, allocations.get(region)));
                }
            });
            spending.put(region, new RegionSpending(lines, null, null));
        }
        for (Map<String, String> row : DemoCsv.read("spending-not-split-2024.csv")) {
            String region = row.get("region_code");
            Map<String, Long> lines = new LinkedHashMap<>();
            if (!row.get("partial_shares").isBlank()) {
                for (String part : row.get("partial_shares").split(";")) {
                    String[] share = part.split("=");
                    lines.put(share[0], kronor(share[1], allocations.get(region)));
                }
            }
            spending.put(region, new RegionSpending(lines, row.get("reason"), allocations.get(region)));
        }
        return spending;
    }

    static long kronor(String sharePercent, long allocation) {
        return new BigDecimal(sharePercent.strip()).multiply(BigDecimal.valueOf(allocation))
                .divide(PERCENT, 0, RoundingMode.HALF_UP).longValueExact();
    }
}
