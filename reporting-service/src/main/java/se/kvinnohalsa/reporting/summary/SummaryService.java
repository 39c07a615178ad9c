package se.kvinnohalsa.reporting.summary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.kvinnohalsa.reporting.agreement.Agreements;
import se.kvinnohalsa.reporting.agreement.KnownAgreement;
import se.kvinnohalsa.reporting.region.Region;
import se.kvinnohalsa.reporting.region.Regions;
import se.kvinnohalsa.reporting.report.Report;
import se.kvinnohalsa.reporting.report.ReportRequest;
import se.kvinnohalsa.reporting.report.ReportService;
import se.kvinnohalsa.reporting.report.SpendingSplit;
import se.kvinnohalsa.reporting.report.StatusView;
import se.kvinnohalsa.reporting.report.TargetGroup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class SummaryService {

    @Inject
    Agreements agreements;

    @Inject
    Regions regions;

    @Inject
    ReportService reports;

    public List<OverviewRow> overview(int year) {
        agreements.require(year);
        Map<String, Report> byRegion = byRegion(year);
        Map<String, Long> allocations = agreements.allocations(year);
        return regions.all().stream().map(region -> {
            Report report = byRegion.get(region.code);
            StatusView status = StatusView.of(year, region.code, report, allocations.get(region.code));
            return new OverviewRow(region.code, region.name, status.status(), status.submittedAt(), status.late(),
                    status.spendingSplit(), status.spendingSplitStatus(), status.reviewedAt(),
                    report == null ? null : report.updatedAt, status.allocatedSek());
        }).toList();
    }

    public NationalSummary summary(int year) {
        KnownAgreement agreement = agreements.require(year);
        Map<String, String> focusAreas = new LinkedHashMap<>();
        agreement.focusAreas.forEach(f -> focusAreas.put(f.code, f.name));
        Map<String, Report> byRegion = byRegion(year);
        List<SummaryCalculator.RegionReport> input = regions.all().stream()
                .map(region -> regionReport(region, byRegion.get(region.code))).toList();
        return SummaryCalculator.summarise(year, focusAreas, input, agreements.allocations(year));
    }

    private SummaryCalculator.RegionReport regionReport(Region region, Report report) {
        if (report == null) {
            return SummaryCalculator.RegionReport.notStarted(region.code);
        }
        if (!report.status.submitted()) {
            // A draft's content is not the region's answer yet: only its status counts.
            return new SummaryCalculator.RegionReport(region.code, report.status, report.late, report.spendingSplit,
                    Map.of(), null, null, List.of());
        }
        ReportRequest content = reports.content(report);
        ReportRequest.Spending spending = content.spending();
        Map<String, Long> lines = new LinkedHashMap<>();
        if (spending != null && spending.lines() != null) {
            spending.lines().forEach(l -> lines.merge(l.focusArea(), l.amountSek(), Math::addExact));
        }
        List<List<TargetGroup>> groups = content.activities() == null
                ? List.of()
                : content.activities().stream()
                        .map(a -> a.targetGroups() == null ? List.<TargetGroup>of() : a.targetGroups()).toList();
        SpendingSplit split = report.spendingSplit == null ? SpendingSplit.NOT_SPLIT : report.spendingSplit;
        return new SummaryCalculator.RegionReport(region.code, report.status, report.late, split, lines,
                spending == null || spending.notSplitReason() == null || spending.notSplitReason().isBlank()
                        ? null
                        : spending.notSplitReason().strip(),
                spending == null ? null : spending.totalSpentSek(), groups);
    }

    private static Map<String, Report> byRegion(int year) {
        return Report.ofYear(year).stream().collect(Collectors.toMap(r -> r.regionCode, Function.identity()));
    }
}
