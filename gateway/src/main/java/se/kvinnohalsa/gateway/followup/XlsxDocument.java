package se.kvinnohalsa.gateway.followup;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The follow-up as a workbook (Apache POI): one sheet per table, Swedish headers, numbers as numbers. Kronor are
 * whole numbers; shares keep their exact value and are shown with one decimal by the cell format, so that sums in
 * the spreadsheet add up. Reproducible: the document's dates are the data's, and the zip entries' times are fixed.
 */
public final class XlsxDocument {

    private static final int MAX_SHEET_NAME = 31;
    private static final int NARROW = 10;
    private static final int WIDE = 40;
    private static final int CHARACTER_WIDTH = 256;
    /** Zip entry time of every part (the format needs one; the data's time would change the bytes with no change). */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private final Workbook workbook = new XSSFWorkbook();
    private final Set<String> sheetNames = new HashSet<>();
    private final CellStyle header;
    private final CellStyle kronor;
    private final CellStyle percent;
    private final CellStyle decimal;
    private final CellStyle date;
    private final CellStyle sum;
    private final CellStyle sumKronor;

    private XlsxDocument() {
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        kronor = numberStyle("#,##0");
        percent = numberStyle("0.0");
        decimal = numberStyle("0.0");
        date = numberStyle("yyyy-mm-dd");
        sum = workbook.createCellStyle();
        sum.setFont(bold);
        sumKronor = numberStyle("#,##0");
        sumKronor.setFont(bold);
    }

    private CellStyle numberStyle(String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    public static byte[] render(FollowUpReport report) {
        XlsxDocument document = new XlsxDocument();
        document.write(report);
        return document.bytes(report.dataAsOf());
    }

    private void write(FollowUpReport report) {
        agreement(report);
        allocation(report.allocation());
        spending(report);
        targetGroups(report.targetGroups());
        workforcePlans(report.workforcePlans());
        int number = 1;
        for (FollowUpReport.IndicatorSection indicator : report.indicators().indicators()) {
            indicator(number++, indicator);
        }
        completeness(report.completeness());
        sources(report);
    }

    // ---- the tables ----

    private void agreement(FollowUpReport report) {
        FollowUpReport.Agreement agreement = report.agreement();
        Table table = table("1 Överenskommelse", "Post", "Kronor");
        for (FollowUpReport.Pool pool : agreement.pools()) {
            table.row().text(Swedish.label(pool.code())).kronor(pool.amountSek());
        }
        table.row().text("Övrigt, inte till regionerna").kronor(agreement.otherSek());
        table.sum().text("Totalt").kronor(agreement.totalSek());
        table.row();
        table.row().text("Sista dag för redovisning").date(agreement.reportingDeadline());

        Table areas = table("1 Insatsområden", "Nr", "Kod", "Insatsområde");
        int number = 1;
        for (FollowUpReport.FocusArea area : agreement.focusAreas()) {
            areas.row().number(number++).text(area.code()).text(area.name());
        }
        Table conditions = table("1 Villkor", "Villkor");
        agreement.conditions().forEach(c -> conditions.row().text(c));
    }

    private void allocation(FollowUpReport.Allocation allocation) {
        List<String> headers = new ArrayList<>(List.of("Regionkod", "Region"));
        allocation.poolCodes().forEach(p -> headers.add(Swedish.label(p) + ", kr"));
        headers.add("Totalt, kr");
        Table table = table("2 Bilaga 1 Fördelning", headers.toArray(String[]::new));
        for (FollowUpReport.RegionAllocation row : allocation.regions()) {
            Line line = table.row().text(row.region().code()).text(row.region().name());
            row.poolsSek().forEach(line::kronor);
            line.kronor(row.totalSek());
        }
        Line total = table.sum().text("Summa").text("");
        allocation.poolTotals().forEach(total::kronor);
        total.kronor(allocation.totalSek());
    }

    private void spending(FollowUpReport report) {
        FollowUpReport.Spending spending = report.spending();
        Table national = table("3 Figur 1 Nationellt", "Kod", "Insatsområde", "Kronor", "Andel, %");
        for (FollowUpReport.AreaShare area : spending.national()) {
            national.row().text(area.code()).text(area.name()).kronor(area.amountSek()).percent(area.sharePercent());
        }
        national.sum().text("Summa").text(spending.included().size() + " regioner").kronor(spending.coveredSek());

        Table excluded = table("3 Utanför fördelningen", "Regionkod", "Region", "Skäl", "Regionens förklaring");
        for (FollowUpReport.Excluded e : spending.excluded()) {
            excluded.row().text(e.region().code()).text(e.region().name()).text(Swedish.label(e.reason()))
                    .text(e.statedReason());
        }

        List<String> headers = new ArrayList<>(List.of("Regionkod", "Region", "Redovisat, kr"));
        report.agreement().focusAreas().forEach(a -> headers.add(a.name() + ", %"));
        Table perRegion = table("3 Tabell 5 Per region", headers.toArray(String[]::new));
        for (FollowUpReport.RegionSpending region : spending.regions()) {
            Line line = perRegion.row().text(region.region().code()).text(region.region().name())
                    .kronor(region.spentSek());
            // Nothing reported for an area stays empty, as "–" in the document: not a zero.
            region.areas().forEach(a -> line.percent(a.amountSek() == 0 ? null : a.sharePercent()));
        }

        Table counts = table("3 Antal regioner", "Kod", "Insatsområde",
                "Regioner med mer än " + spending.largeSharePercent() + " %", "Regioner med inget");
        for (FollowUpReport.AreaCount count : spending.counts()) {
            counts.row().text(count.code()).text(count.name()).number(count.regionsAboveLargeShare())
                    .number(count.regionsWithNothing());
        }
    }

    private void targetGroups(FollowUpReport.TargetGroups groups) {
        Table table = table("4 Figur 2 Målgrupper", "Kod", "Målgrupp", "Insatser", "Andel, %");
        for (FollowUpReport.GroupShare group : groups.groups()) {
            table.row().text(group.code()).text(Swedish.label(group.code())).number(group.activityCount())
                    .percent(group.sharePercent());
        }
        table.sum().text("Insatser i alla").text(groups.reports() + " redovisningar").number(groups.activities());
    }

    private void workforcePlans(FollowUpReport.WorkforcePlans plans) {
        Table table = table("5 Bilaga 2 Planer", "Regionkod", "Region", "Redovisningens status", "Plan finns",
                "Från år", "Till år", "Yrkesgrupper");
        for (FollowUpReport.RegionPlan plan : plans.regions()) {
            table.row().text(plan.region().code()).text(plan.region().name()).text(Swedish.label(plan.reportStatus()))
                    .text(plan.hasPlan() == null ? null : Swedish.yesNo(plan.hasPlan()))
                    .number(plan.periodFrom()).number(plan.periodTo()).text(String.join(", ", plan.professions()));
        }
    }

    private void indicator(int number, FollowUpReport.IndicatorSection indicator) {
        Table table = table("6 Tabell " + number + " " + indicator.code(), "Regionkod", "Region", "Värde",
                "Skyddat värde", "Regionens egen uppgift", "Når målet", "Föregående period", "Förändring",
                "Lägsta mottagning", "Högsta mottagning");
        for (FollowUpReport.IndicatorRow row : indicator.regions()) {
            table.row().text(row.region().code()).text(row.region().name()).decimal(row.value())
                    .text(row.suppressed() ? "Ja" : "Nej").decimal(row.regionReported())
                    .text(row.meetsTarget() == null ? null : Swedish.yesNo(row.meetsTarget()))
                    .decimal(row.previousValue()).decimal(row.change()).decimal(row.clinicMin())
                    .decimal(row.clinicMax());
        }
        table.sum().text("SE").text("Riket").decimal(indicator.national()).text("")
                .text("").text(indicator.nationalMeetsTarget() == null
                        ? null
                        : Swedish.yesNo(indicator.nationalMeetsTarget()))
                .decimal(indicator.previousNational()).decimal(indicator.change());
        table.row();
        table.row().text("Period").text(indicator.period());
        table.row().text("Föregående period").text(indicator.previousPeriod());
        table.row().text("Målvärde").text(Swedish.target(indicator.target()));
        if (indicator.regionsMeetingTarget() != null) {
            table.row().text("Regioner som når målvärdet").number(indicator.regionsMeetingTarget());
            table.row().text("Regioner med värde").number(indicator.regionsWithValue());
        }
        int pair = 1;
        for (FollowUpReport.GroupGap gap : indicator.gaps()) {
            Table gaps = table("6 Tabell " + number + "." + pair++ + " " + indicator.code(), "Regionkod", "Region",
                    Swedish.label(gap.groupA()), Swedish.label(gap.groupB()), "Skillnad, procentenheter",
                    "Skillnad föregående period");
            for (FollowUpReport.GapRow row : gap.regions()) {
                gaps.row().text(row.region().code()).text(row.region().name()).decimal(row.valueA())
                        .decimal(row.valueB()).decimal(row.gap()).decimal(row.previousGap());
            }
            FollowUpReport.GapRow national = gap.national();
            gaps.sum().text("SE").text("Riket").decimal(national.valueA()).decimal(national.valueB())
                    .decimal(national.gap()).decimal(national.previousGap());
        }
    }

    private void completeness(FollowUpReport.Completeness completeness) {
        Table table = table("7 Redovisningar", "Regionkod", "Region", "Status", "Version", "Inlämnad", "Sen",
                "Granskad");
        for (FollowUpReport.ReportState report : completeness.reports()) {
            table.row().text(report.region().code()).text(report.region().name()).text(Swedish.label(report.status()))
                    .number(report.version()).text(time(report.submittedAt())).text(report.late() ? "Ja" : "Nej")
                    .text(time(report.reviewedAt()));
        }
        table.row();
        table.row().text("Inlämnade eller godkända").number(completeness.received());
        table.row().text("Godkända").number(completeness.accepted());
        table.row().text("Väntar på granskning").number(completeness.awaitingReview());
        table.row().text("Återsända").number(completeness.returned());
        table.row().text("Sena").number(completeness.late());
    }

    private void sources(FollowUpReport report) {
        Table table = table("Underlag", "Avsnitt", "Typ", "Referens", "Version", "Tid", "Beskrivning");
        addSources(table, "1", report.agreement().sources());
        addSources(table, "2", report.allocation().sources());
        addSources(table, "3-5, 7", report.spending().sources());
        for (FollowUpReport.IndicatorSection indicator : report.indicators().indicators()) {
            addSources(table, "6 " + indicator.code(), indicator.sources());
        }
    }

    private static void addSources(Table table, String section, List<Source> sources) {
        for (Source source : sources) {
            table.row().text(section).text(source.kind()).text(source.reference()).number(source.version())
                    .text(time(source.time())).text(source.detail());
        }
    }

    private static String time(Instant time) {
        return time == null ? null : Swedish.dateTime(time);
    }

    // ---- building blocks ----

    private Table table(String name, String... headers) {
        String safe = WorkbookUtil.createSafeSheetName(name);
        if (safe.length() > MAX_SHEET_NAME) {
            safe = safe.substring(0, MAX_SHEET_NAME);
        }
        String unique = safe;
        for (int n = 2; sheetNames.contains(unique.toLowerCase()); n++) {
            String suffix = " " + n;
            unique = safe.substring(0, Math.min(safe.length(), MAX_SHEET_NAME - suffix.length())) + suffix;
        }
        sheetNames.add(unique.toLowerCase());
        Sheet sheet = workbook.createSheet(unique);
        Row row = sheet.createRow(0);
        for (int i = 0; i < headers.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(headers[i]);
            cell.setCellStyle(header);
            sheet.setColumnWidth(i, (i == 1 || headers.length <= 2 ? WIDE : NARROW + 6) * CHARACTER_WIDTH);
        }
        sheet.createFreezePane(0, 1);
        return new Table(sheet);
    }

    private final class Table {
        private final Sheet sheet;

        Table(Sheet sheet) {
            this.sheet = sheet;
        }

        Line row() {
            return new Line(sheet.createRow(sheet.getLastRowNum() + 1), false);
        }

        Line sum() {
            return new Line(sheet.createRow(sheet.getLastRowNum() + 1), true);
        }
    }

    private final class Line {
        private final Row row;
        private final boolean sum;
        private int column;

        Line(Row row, boolean sum) {
            this.row = row;
            this.sum = sum;
        }

        private Cell next() {
            return row.createCell(column++);
        }

        Line text(String value) {
            Cell cell = next();
            if (value != null) {
                cell.setCellValue(value);
                if (sum) {
                    cell.setCellStyle(XlsxDocument.this.sum);
                }
            }
            return this;
        }

        Line kronor(long value) {
            Cell cell = next();
            cell.setCellValue(value);
            cell.setCellStyle(sum ? sumKronor : kronor);
            return this;
        }

        Line number(Integer value) {
            Cell cell = next();
            if (value != null) {
                cell.setCellValue(value);
            }
            return this;
        }

        Line percent(Percent value) {
            Cell cell = next();
            if (value != null) {
                cell.setCellValue(value.exact().doubleValue());
                cell.setCellStyle(percent);
            }
            return this;
        }

        Line decimal(BigDecimal value) {
            Cell cell = next();
            if (value != null) {
                cell.setCellValue(value.doubleValue());
                cell.setCellStyle(decimal);
            }
            return this;
        }

        Line date(LocalDate value) {
            Cell cell = next();
            if (value != null) {
                cell.setCellValue(value);
                cell.setCellStyle(date);
            }
            return this;
        }
    }

    // ---- reproducible bytes ----

    private byte[] bytes(Instant asOf) {
        XSSFWorkbook xssf = (XSSFWorkbook) workbook;
        Optional<Date> when = Optional.ofNullable(asOf).map(Date::from);
        xssf.getProperties().getCoreProperties().setCreated(when);
        xssf.getProperties().getCoreProperties().setModified(when);
        xssf.getProperties().getCoreProperties().setCreator("Kvinnohälsa");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (workbook) {
            workbook.write(out);
            return fixedEntryTimes(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same parts in the same order, each with the same fixed time: the zip's bytes follow the content only. */
    static byte[] fixedEntryTimes(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream rewritten = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(ENTRY_TIME);
                rewritten.putNextEntry(copy);
                in.transferTo(rewritten);
                rewritten.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
