package se.kvinnohalsa.reporting.figures;

import java.util.List;

/** Every region's public report figures of one agreement year, in region code order. */
public record YearFigures(int year, List<RegionFigures> regions) {
}
