package se.kvinnohalsa.gateway.overview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionOverviewTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Part DOWN = new Part.Unavailable("down");

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void everyPartUnavailableStillGivesAnOverviewOfAWellFormedCode() {
        Optional<ObjectNode> overview = RegionOverview.assemble("23", 2025,
                new RegionOverview.Parts(DOWN, DOWN, DOWN, DOWN, DOWN, DOWN));
        assertTrue(overview.isPresent());
        for (String part : new String[]{"allocation", "decision", "conditions", "report", "indicators"}) {
            assertFalse(overview.get().path(part).path("available").asBoolean(true), part);
            assertEquals("down", overview.get().path(part).path("reason").asText(), part);
        }
        assertTrue(overview.get().get("name").isNull());
    }

    @Test
    void aCodeMissingFromTheAvailableRegionsIsUnknown() throws Exception {
        Part regions = new Part.Answered(json("[{\"code\": \"01\", \"name\": \"Stockholm\"}]"));
        assertTrue(RegionOverview.assemble("23", 2025, new RegionOverview.Parts(regions, DOWN, DOWN, DOWN, DOWN, DOWN))
                .isEmpty());
    }

    @Test
    void aRegionMissingFromTheAllocationsHasNoAmount() throws Exception {
        Part regions = new Part.Answered(json("[{\"code\": \"23\", \"name\": \"Jämtland Härjedalen\"}]"));
        Part allocations = new Part.Answered(json("{\"status\": \"DRAFT\", \"version\": null, \"regions\": []}"));
        ObjectNode overview = RegionOverview.assemble("23", 2025, new RegionOverview.Parts(regions, allocations,
                Part.Answered.nothing(), Part.Answered.nothing(), Part.Answered.nothing(), Part.Answered.nothing()))
                .orElseThrow();
        assertEquals("DRAFT", overview.at("/allocation/status").asText());
        assertTrue(overview.at("/allocation/totalSek").isNull());
        assertFalse(overview.at("/decision/recorded").asBoolean());
        assertFalse(overview.at("/conditions/known").asBoolean());
        assertEquals("NO_AGREEMENT", overview.at("/report/status").asText());
        assertEquals(0, overview.at("/indicators/values").size());
    }
}
