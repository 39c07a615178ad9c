package se.kvinnohalsa.gateway.events;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudienceTest {

    private static final String REVIEWED = "se.kvinnohalsa.report.reviewed.v1";
    private static final String DECISION = "se.kvinnohalsa.allocation.decision-recorded.v1";
    private static final String AGREEMENT = "se.kvinnohalsa.agreement.changed.v1";
    private static final String OBSERVATIONS = "se.kvinnohalsa.indicator.observations-changed.v1";
    private static final String UNKNOWN = "se.kvinnohalsa.something.v1";

    @Test
    void adminsAndAnalystsSeeEverythingInFull() {
        for (String role : Set.of("admin", "analyst")) {
            Audience audience = Audience.of(Set.of(role), null);
            assertEquals("all", audience.name());
            for (String type : Set.of(REVIEWED, DECISION, AGREEMENT, OBSERVATIONS, UNKNOWN)) {
                assertTrue(audience.seesFull(type, "01"), role + " " + type);
            }
        }
    }

    @Test
    void aReporterSeesItsOwnRegionInFullAndOtherRegionsPublicly() {
        Audience jamtland = Audience.of(Set.of("reporter"), "23");
        assertEquals("region:23", jamtland.name());
        assertTrue(jamtland.seesFull(REVIEWED, "23"));
        assertTrue(jamtland.seesFull(DECISION, "23"));
        assertFalse(jamtland.seesFull(REVIEWED, "01"));
        assertFalse(jamtland.seesFull(REVIEWED, null));
        assertFalse(jamtland.seesFull(AGREEMENT, "23"), "not a region's event");
        assertFalse(jamtland.seesFull(OBSERVATIONS, "23"));
        assertFalse(jamtland.seesFull(UNKNOWN, "23"), "an unknown type is never shown in full but to all-seeing");
    }

    @Test
    void theRegistrySeesIndicatorEventsInFullOnly() {
        Audience registry = Audience.of(Set.of("registry"), null);
        assertTrue(registry.seesFull(OBSERVATIONS, null));
        assertFalse(registry.seesFull(REVIEWED, "23"));
        assertFalse(registry.seesFull(AGREEMENT, null));
    }

    @Test
    void noTokenNoGroupsOrAReporterWithoutRegionIsThePublic() {
        assertEquals(Audience.PUBLIC, Audience.of(null, null));
        assertEquals(Audience.PUBLIC, Audience.of(Set.of(), "23"));
        assertEquals(Audience.PUBLIC, Audience.of(Set.of("reporter"), null));
        assertEquals(Audience.PUBLIC, Audience.of(Set.of("someone-else"), "23"));
        assertFalse(Audience.PUBLIC.seesFull(REVIEWED, "23"));
    }

    @Test
    void rolesCombine() {
        Audience both = Audience.of(Set.of("registry", "reporter"), "23");
        assertTrue(both.seesFull(OBSERVATIONS, null));
        assertTrue(both.seesFull(REVIEWED, "23"));
        assertFalse(both.seesFull(REVIEWED, "01"));
    }
}
