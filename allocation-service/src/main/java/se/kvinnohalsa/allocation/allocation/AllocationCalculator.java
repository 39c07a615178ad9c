package se.kvinnohalsa.allocation.allocation;

import se.kvinnohalsa.allocation.agreement.KeyKind;
import se.kvinnohalsa.allocation.apportionment.LargestRemainder;
import se.kvinnohalsa.support.money.Kronor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every region's amount per pool in whole kronor, from each pool's key (weights) or fixed amounts. */
public final class AllocationCalculator {

    /** A pool and its key: weights (WEIGHTS) or amounts (AMOUNTS) per region; regions not named get 0. */
    public record PoolInput(String code, long amountSek, KeyKind keyKind, Map<String, BigDecimal> weights,
            Map<String, Long> amounts) {
    }

    public record PoolAmount(String code, long amountSek) {
    }

    public record RegionAllocation(String regionCode, long totalSek, List<PoolAmount> pools) {
    }

    public record Result(long totalSek, List<RegionAllocation> regions, List<String> poolsWithoutKey) {
    }

    private AllocationCalculator() {
    }

    /** @param regionCodes every region, in the order of the result */
    public static Result compute(List<String> regionCodes, List<PoolInput> pools) {
        Map<String, List<PoolAmount>> byRegion = new LinkedHashMap<>();
        regionCodes.forEach(r -> byRegion.put(r, new ArrayList<>()));
        List<String> withoutKey = new ArrayList<>();
        for (PoolInput pool : pools) {
            Map<String, Long> amounts = switch (pool.keyKind()) {
                case WEIGHTS -> LargestRemainder.apportion(pool.amountSek(), allRegions(regionCodes, pool.weights()));
                case AMOUNTS -> pool.amounts();
                case NONE -> null;
            };
            if (amounts == null) {
                withoutKey.add(pool.code());
                continue;
            }
            for (String region : regionCodes) {
                byRegion.get(region).add(new PoolAmount(pool.code(), amounts.getOrDefault(region, 0L)));
            }
        }
        List<RegionAllocation> regions = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, List<PoolAmount>> region : byRegion.entrySet()) {
            // Exact sums: pools are bounded, so this cannot overflow; if it ever did, it fails instead of wrapping.
            long regionTotal = Kronor.sum(region.getValue().stream().map(PoolAmount::amountSek).toList());
            total = Math.addExact(total, regionTotal);
            regions.add(new RegionAllocation(region.getKey(), regionTotal, List.copyOf(region.getValue())));
        }
        return new Result(total, regions, withoutKey);
    }

    private static Map<String, BigDecimal> allRegions(List<String> regionCodes, Map<String, BigDecimal> weights) {
        Map<String, BigDecimal> all = new LinkedHashMap<>();
        regionCodes.forEach(r -> all.put(r, weights.getOrDefault(r, BigDecimal.ZERO)));
        return all;
    }
}
