package se.kvinnohalsa.gateway.followup;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.gateway.events.DomainEventReceived;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which years' follow-ups an event concerns. */
class FollowUpInvalidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static FollowUpInvalidation.Affected affected(String type, String data) {
        return FollowUpInvalidation.affected(new DomainEventReceived("t", type, "s", "k", data), JSON);
    }

    @Test
    void reportAllocationAndAgreementEventsConcernTheirYear() {
        assertEquals(Set.of(2024), affected("se.kvinnohalsa.report.submitted.v1",
                "{\"year\": 2024, \"regionCode\": \"03\", \"late\": false}").years());
        assertEquals(Set.of(2025), affected("se.kvinnohalsa.allocation.published.v1",
                "{\"year\": 2025, \"version\": 2}").years());
        assertEquals(Set.of(2024), affected("se.kvinnohalsa.agreement.changed.v1", "{\"year\": 2024}").years());
    }

    @Test
    void anIndicatorImportConcernsTheYearsItsPeriodsEndInAndTheNext() {
        assertEquals(Set.of(2024, 2025), affected("se.kvinnohalsa.indicator.observations-changed.v1",
                "{\"indicatorCode\": \"EFTERVARDSBESOK\", \"periods\": [\"2023-08-01/2024-07-31\"]}").years());
        assertEquals(Set.of(2023, 2024, 2025), affected("x",
                "{\"periods\": [\"2023-01-01/2023-12-31\", \"2024-06-30/2024-06-30\"]}").years());
    }

    @Test
    void anEventItCannotReadConcernsEveryYear() {
        assertTrue(affected("x", "not json").all());
        assertTrue(affected("x", null).all());
        assertTrue(affected("x", "[1, 2]").all());
        assertTrue(affected("x", "{\"year\": \"2024\"}").all());
        assertTrue(affected("x", "{\"periods\": [\"2024-13-01/2024-14-01\"]}").all());
        assertTrue(affected("x", "{\"regionCode\": \"01\"}").all());
    }
}
