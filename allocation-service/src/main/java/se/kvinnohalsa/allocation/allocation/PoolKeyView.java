package se.kvinnohalsa.allocation.allocation;

import java.math.BigDecimal;
import java.util.List;

/** A pool's key and the amounts it gives each region (not published until the allocations are). */
public record PoolKeyView(int year, String poolCode, long amountSek, String keyKind, List<Entry> regions) {

    public record Entry(String regionCode, BigDecimal weight, long amountSek) {
    }
}
