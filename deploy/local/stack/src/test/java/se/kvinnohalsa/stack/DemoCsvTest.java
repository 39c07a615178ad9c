package se.kvinnohalsa.stack;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DemoCsvTest {

    @Test
    void commentLinesBeforeTheHeaderAreSkippedAndColumnsKeepTheirOrder() {
        List<Map<String, String>> rows = DemoCsv.read("postpartum-visit-2023-24.csv");
        assertEquals(List.of("region_code", "value", "previous_value", "clinic_min", "clinic_max", "note"),
                List.copyOf(rows.get(0).keySet()));
        assertEquals("01", rows.get(0).get("region_code"));
        assertEquals("86.2", rows.get(0).get("value"));
        assertEquals("", rows.get(0).get("note"), "an empty last field is empty, not missing");
        assertEquals("data missing for one clinic", rows.get(1).get("note"));
    }

    @Test
    void quotedFieldsKeepTheirCommasAndNonAsciiLettersSurvive() {
        Map<String, String> stockholm = DemoCsv.read("spending-not-split-2024.csv").get(0);
        assertEquals("01", stockholm.get("region_code"));
        assertEquals("EFTERVARD=2.1;KOMPETENSFORSORJNING=62.1;JAMLIK_VARD=4.0", stockholm.get("partial_shares"));
        assertEquals("Can report each activity, but activities touch several areas, so the whole amount cannot be "
                + "split per area (report counted as incomplete)", stockholm.get("reason"));
        assertEquals("Mödrahälsovård/primärvård", DemoCsv.read("jamtland-2025-decision.csv").get(1).get("unit"));
    }

    @Test
    void aMissingFileIsNamed() {
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> DemoCsv.read("nope.csv"));
        assertEquals("demo data missing: nope.csv", missing.getMessage());
    }

    @Test
    void jsonStringsAreEscaped() {
        assertEquals("\"a \\\"quoted\\\" \\\\ line\\nbreak\"", DemoCsv.json("a \"quoted\" \\ line\nbreak"));
    }
}
