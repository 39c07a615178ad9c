package se.kvinnohalsa.gateway.followup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The document's charts as SVG, for the HTML (and through it the PDF): allocation per region, figure 1 (national
 * shares per focus area), figure 2 (target groups), one small chart per region (appendix 3, focus areas numbered as
 * in table 5) and one per indicator with its target as a line.
 */
public record FollowUpCharts(String allocation, String national, String targetGroups, Map<String, String> regions,
        Map<String, String> indicators) {

    public static FollowUpCharts of(FollowUpReport report) {
        List<Charts.Bar> allocation = report.allocation().regions().stream()
                .map(r -> new Charts.Bar(r.region().name(), r.totalSek())).toList();
        List<Charts.Bar> national = report.spending().national().stream()
                .map(a -> new Charts.Bar(a.name(), exact(a.sharePercent()))).toList();
        List<Charts.Bar> groups = report.targetGroups().groups().stream()
                .map(g -> new Charts.Bar(Swedish.label(g.code()), exact(g.sharePercent()))).toList();
        Map<String, String> regions = new LinkedHashMap<>();
        for (FollowUpReport.RegionSpending region : report.spending().regions()) {
            List<Charts.Bar> bars = new ArrayList<>();
            int number = 1;
            for (FollowUpReport.AreaShare area : region.areas()) {
                bars.add(new Charts.Bar(Integer.toString(number++), exact(area.sharePercent())));
            }
            regions.put(region.region().code(), Charts.small("region-" + region.region().code(), bars));
        }
        Map<String, String> indicators = new LinkedHashMap<>();
        for (FollowUpReport.IndicatorSection indicator : report.indicators().indicators()) {
            List<Charts.Bar> bars = indicator.regions().stream()
                    .map(r -> new Charts.Bar(r.region().name(), r.value())).toList();
            Double target = indicator.target() == null || indicator.target().value() == null
                    ? null
                    : indicator.target().value().doubleValue();
            indicators.put(indicator.code(),
                    Charts.bars("indicator-" + indicator.code(), bars, indicator.unit(), target));
        }
        return new FollowUpCharts(Charts.amounts("allocation", allocation, "kronor"),
                Charts.bars("figure-1", national, "procent", null),
                Charts.bars("figure-2", groups, "procent", null), regions, indicators);
    }

    private static Double exact(Percent percent) {
        return percent == null ? null : percent.exact().doubleValue();
    }
}
