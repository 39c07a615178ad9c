package se.kvinnohalsa.indicators.read;

import org.junit.jupiter.api.Test;
import se.kvinnohalsa.indicators.catalog.Target;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FiguresTest {

    private static Figures.RegionValue v(String code, String value, Long denominator) {
        return new Figures.RegionValue(code, new BigDecimal(value), denominator);
    }

    @Test
    void targetsAtLeastAndAtMost() {
        Target atLeast = new Target(">=", new BigDecimal("90"));
        assertTrue(atLeast.meets(new BigDecimal("90.0")));
        assertFalse(atLeast.meets(new BigDecimal("89.9")));
        Target atMost = new Target("<=", new BigDecimal("5"));
        assertTrue(atMost.meets(new BigDecimal("5")));
        assertFalse(atMost.meets(new BigDecimal("5.1")));
        assertNull(atLeast.meets(null));
        assertNull(Target.meets(null, BigDecimal.ONE));
    }

    @Test
    void theReportedNationalValueWins() {
        Figures.National national = Figures.national(new BigDecimal("90.100"), List.of(v("01", "10", 5L)));
        assertEquals(new BigDecimal("90.1"), national.value());
        assertEquals(Figures.Origin.REPORTED, national.origin());
    }

    @Test
    void computedNationalIsWeightedWhenEveryRegionHasADenominator() {
        Figures.National weighted = Figures.national(null, List.of(v("01", "80", 300L), v("14", "90", 100L)));
        assertEquals(new BigDecimal("82.5"), weighted.value());
        assertEquals(Figures.Origin.COMPUTED, weighted.origin());
        Figures.National mean = Figures.national(null, List.of(v("01", "80", 300L), v("14", "90", null)));
        assertEquals(new BigDecimal("85"), mean.value());
        assertNull(Figures.national(null, List.of()));
    }

    @Test
    void tiesShareThePlace() {
        List<Figures.RegionValue> values = List.of(v("06", "96.2", null), v("14", "83.5", null), v("03", "96.2", null),
                v("01", "86.2", null));
        assertEquals(List.of("03", "06"),
                Figures.highest(values).stream().map(Figures.RegionValue::regionCode).toList());
        assertEquals(List.of("14"), Figures.lowest(values).stream().map(Figures.RegionValue::regionCode).toList());
        assertEquals(List.of(), Figures.lowest(List.of()));
    }

    @Test
    void gapsLargestFirstWithThePreviousGap() {
        Figures.Gap a = Figures.gap("01", new BigDecimal("95"), new BigDecimal("80"), new BigDecimal("94"),
                new BigDecimal("84"));
        assertEquals(new BigDecimal("15"), a.gap());
        assertEquals(new BigDecimal("10"), a.previousGap());
        assertEquals(new BigDecimal("5"), a.change());
        Figures.Gap b = Figures.gap("14", new BigDecimal("70"), new BigDecimal("90"), null, null);
        Figures.Gap c = Figures.gap("03", new BigDecimal("90"), null, null, null);
        assertNull(c.gap());
        assertNull(b.previousGap());
        assertEquals(List.of("14", "01", "03"),
                Figures.largestFirst(List.of(a, c, b)).stream().map(Figures.Gap::regionCode).toList());
    }

    @Test
    void numbersAsPeopleWriteThem() {
        assertEquals("100", Figures.clean(new BigDecimal("100.000")).toPlainString());
        assertEquals("2.4", Figures.difference(new BigDecimal("90.1"), new BigDecimal("87.7")).toPlainString());
    }
}
