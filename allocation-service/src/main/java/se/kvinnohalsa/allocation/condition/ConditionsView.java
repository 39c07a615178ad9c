package se.kvinnohalsa.allocation.condition;

import java.time.Instant;
import java.util.List;

/**
 * The conditions that go with a region's money. workforcePlan: MET once the region's report with a workforce plan
 * has been accepted; NOT_MET otherwise (reportStatus says how far it got).
 */
public record ConditionsView(int year, String regionCode, WorkforcePlan workforcePlan,
        List<String> agreementConditions) {

    public record WorkforcePlan(String status, String reportStatus, Boolean reportHasWorkforcePlan,
            Instant reviewedAt) {
    }
}
