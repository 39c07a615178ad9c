package se.kvinnohalsa.reporting.agreement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import java.util.Map;
import java.util.stream.Collectors;

/** What reporting knows of agreements and allocations (learned from allocation-service's events). */
@ApplicationScoped
public class Agreements {

    /** 404 unless an agreement for the year has reached reporting-service. */
    public KnownAgreement require(int year) {
        KnownAgreement agreement = KnownAgreement.findById(year);
        if (agreement == null) {
            throw new NotFoundException("No agreement for the year " + year + " is known to reporting-service");
        }
        return agreement;
    }

    /** Published allocation per region code, in whole kronor; empty before the year's first publication. */
    public Map<String, Long> allocations(int year) {
        return RegionAllocation.of(year).stream()
                .collect(Collectors.toMap(a -> a.regionCode, a -> a.totalSek));
    }
}
