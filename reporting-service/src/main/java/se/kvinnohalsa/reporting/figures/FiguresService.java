package se.kvinnohalsa.reporting.figures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.kvinnohalsa.reporting.agreement.Agreements;
import se.kvinnohalsa.reporting.region.Regions;
import se.kvinnohalsa.reporting.report.Report;
import se.kvinnohalsa.reporting.report.ReportService;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class FiguresService {

    @Inject
    Agreements agreements;

    @Inject
    Regions regions;

    @Inject
    ReportService reports;

    /** 404 when no agreement for the year is known. */
    public YearFigures of(int year) {
        agreements.require(year);
        Map<String, Report> byRegion = Report.ofYear(year).stream()
                .collect(Collectors.toMap(r -> r.regionCode, Function.identity()));
        return new YearFigures(year, regions.all().stream().map(region -> {
            Report report = byRegion.get(region.code);
            return FiguresCalculator.row(region.code, region.name, report == null ? null : stored(report));
        }).toList());
    }

    private FiguresCalculator.Stored stored(Report report) {
        // The content is parsed only where it may be shown.
        return new FiguresCalculator.Stored(report.status, report.version, report.submittedAt, report.late,
                report.reviewedAt, report.spendingSplit,
                report.status.submitted() ? reports.content(report) : null);
    }
}
