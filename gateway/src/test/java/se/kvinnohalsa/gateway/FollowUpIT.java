package se.kvinnohalsa.gateway;

import io.restassured.path.json.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.gateway.followup.PdfDocument;
import se.kvinnohalsa.gateway.system.PackagedSystem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 2024 follow-up from the packaged system with the demo data (shared/data), in all four formats: Bilaga 1's
 * amounts for all 21 regions, the national distribution over the 14 regions that could split their spending (01
 * partly split, 06, 07, 08, 10, 14, 18 out), region 03's row of table 5 and the postpartum values of table 1, checked
 * in the JSON, in the PDF's extracted text and in the workbook read back. Prints the time to build the document and
 * its size in each format (not asserted).
 */
class FollowUpIT {

    private static final String PATH = "/api/v1/follow-up/2024";
    private static final Path SAMPLES = Path.of("target/follow-up-samples");
    private static final List<String> SPLIT_OUT = List.of("06", "07", "08", "10", "14", "18");
    private static final int CACHED_REQUESTS = 20;
    private static final int WARM_RENDERS = 5;
    private static final Map<String, byte[]> DOCUMENTS = new LinkedHashMap<>();
    private static final Map<String, String> ETAGS = new HashMap<>();

    private static PackagedSystem system;
    private static JsonPath json;
    private static String pdf;

    @BeforeAll
    static void buildEveryFormatOnce() throws Exception {
        system = PackagedSystem.get();
        HttpClient client = client();
        StringBuilder figures = new StringBuilder("[follow-up] 2024 from the demo data:");
        for (String format : List.of("json", "html", "pdf", "xlsx")) {
            long started = System.nanoTime();
            HttpResponse<byte[]> response = get(client, format, null);
            long firstMillis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(200, response.statusCode(), format + ": " + new String(response.body()));
            long[] cached = new long[CACHED_REQUESTS];
            for (int i = 0; i < CACHED_REQUESTS; i++) {
                long again = System.nanoTime();
                get(client, format, null);
                cached[i] = System.nanoTime() - again;
            }
            Arrays.sort(cached);
            DOCUMENTS.put(format, response.body());
            ETAGS.put(format, response.headers().firstValue("ETag").orElseThrow());
            figures.append(
                    String.format("%n[follow-up]   %-4s %,9d bytes; first request %,6d ms%s; cached median %.1f ms",
                            format, response.body().length, firstMillis,
                            format.equals("json") ? " (fetch from the services, assemble, serialize)" : " (render)",
                            cached[CACHED_REQUESTS / 2] / 1e6));
            Files.createDirectories(SAMPLES);
            Files.write(SAMPLES.resolve("2024." + format), DOCUMENTS.get(format));
        }
        String html = new String(DOCUMENTS.get("html"), StandardCharsets.UTF_8);
        long[] warm = new long[WARM_RENDERS];
        for (int i = 0; i < WARM_RENDERS; i++) {
            long started = System.nanoTime();
            PdfDocument.render(html, "2024", null);
            warm[i] = (System.nanoTime() - started) / 1_000_000;
        }
        Arrays.sort(warm);
        figures.append(
                String.format("%n[follow-up]   pdf from the same HTML, rendered again in a warm JVM (this test's): "
                        + "fastest %,d ms, median %,d ms of %d", warm[0], warm[WARM_RENDERS / 2], WARM_RENDERS));
        System.out.println(figures);
        json = JsonPath.from(new String(DOCUMENTS.get("json"), StandardCharsets.UTF_8));
        try (PDDocument document = Loader.loadPDF(DOCUMENTS.get("pdf"))) {
            PDFTextStripper stripper = new PDFTextStripper();
            // In reading order: a bold run inside a line is a text object of its own in the PDF.
            stripper.setSortByPosition(true);
            pdf = stripper.getText(document).replace('\u00a0', ' ').replaceAll("[ \\t]+", " ");
            System.out.printf("[follow-up]   pdf: %d pages%n", document.getNumberOfPages());
        }
    }

    /** HTTP/1.1 as EndToEndIT uses it (the JDK client's h2c upgrade attempt on a 304 breaks its connection). */
    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    private static HttpResponse<byte[]> get(HttpClient client, String format, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create(system.gateway() + PATH + "?format=" + format));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void appendixOneHasThePublishedAmountsOfAll21Regions() throws IOException {
        List<Map<String, String>> published = csv("allocations-2024.csv");
        assertEquals(21, published.size());
        assertEquals(21, json.getList("allocation.regions").size());
        assertTrue(json.getBoolean("allocation.addsUp"));
        try (Workbook workbook = workbook()) {
            Sheet sheet = workbook.getSheet("2 Bilaga 1 Fördelning");
            for (int i = 0; i < published.size(); i++) {
                Map<String, String> row = published.get(i);
                String code = row.get("region_code");
                String at = "allocation.regions.find { it.region.code == '" + code + "' }.";
                assertEquals(List.of(Long.parseLong(row.get("population_pool_sek")),
                        Long.parseLong(row.get("rural_pool_sek"))), json.getList(at + "poolsSek", Long.class), code);
                assertEquals(Long.parseLong(row.get("total_sek")), json.getLong(at + "totalSek"), code);

                String name = json.getString(at + "region.name");
                String line = code + " " + name + " " + spaced(row.get("population_pool_sek")) + " "
                        + spaced(row.get("rural_pool_sek")) + " " + spaced(row.get("total_sek"));
                assertTrue(pdf.contains(line), "PDF: " + line);

                Row cells = sheet.getRow(i + 1);
                assertEquals(code, cells.getCell(0).getStringCellValue());
                assertEquals(Double.parseDouble(row.get("population_pool_sek")),
                        cells.getCell(2).getNumericCellValue());
                assertEquals(Double.parseDouble(row.get("rural_pool_sek")), cells.getCell(3).getNumericCellValue());
                assertEquals(Double.parseDouble(row.get("total_sek")), cells.getCell(4).getNumericCellValue());
            }
            assertEquals(1_517_000_000d, sheet.getRow(22).getCell(4).getNumericCellValue(), "the sum row");
        }
        assertTrue(pdf.contains("Summa 1 367 000 000 150 000 000 1 517 000 000"), "PDF: the sum row");
    }

    @Test
    void theNationalDistributionIsOverTheFourteenRegionsThatCouldSplit() throws IOException {
        assertEquals(14, json.getList("spending.included").size());
        assertEquals("PARTLY_SPLIT", json.getString("spending.excluded.find { it.region.code == '01' }.reason"));
        assertEquals(SPLIT_OUT, json.getList("spending.excluded.findAll { it.reason == 'NOT_SPLIT' }.region.code"));
        assertEquals(7, json.getList("spending.excluded").size());
        float workforce = json.getFloat("spending.national.find { it.code == 'KOMPETENSFORSORJNING' }.sharePercent");
        assertTrue(workforce >= 29 && workforce <= 31, "workforce supply about 30 % (DOMAIN.md): " + workforce);
        long covered = json.getLong("spending.coveredSek");
        assertEquals(covered, json.getList("spending.national.amountSek", Long.class).stream()
                .mapToLong(Long::longValue).sum());

        assertTrue(pdf.contains("omfattar de 14 regioner"), "PDF: how many regions it covers");
        assertTrue(pdf.contains(spaced(Long.toString(covered)) + " kr"), "PDF: how many kronor it covers");
        assertTrue(pdf.contains("01 Stockholm Fördelade bara en del"), "PDF: Stockholm partly split");
        try (Workbook workbook = workbook()) {
            Sheet out = workbook.getSheet("3 Utanför fördelningen");
            List<String> codes = new ArrayList<>();
            for (int r = 1; r <= out.getLastRowNum(); r++) {
                codes.add(out.getRow(r).getCell(0).getStringCellValue());
                String region = out.getRow(r).getCell(1).getStringCellValue();
                assertTrue(pdf.contains(codes.get(codes.size() - 1) + " " + region), "PDF: " + region + " is out");
            }
            assertEquals(List.of("01", "06", "07", "08", "10", "14", "18"), codes);
            Sheet national = workbook.getSheet("3 Figur 1 Nationellt");
            assertEquals((double) covered, national.getRow(10).getCell(2).getNumericCellValue(), "the sum row");
        }
    }

    @Test
    void regionThreesRowOfTableFiveIsAsPublished() throws IOException {
        Map<String, String> published = csv("spending-shares-2024.csv").stream()
                .filter(r -> r.get("region_code").equals("03")).findFirst().orElseThrow();
        List<String> areas = json.getList("agreement.focusAreas.code");
        List<String> expected = areas.stream().map(published::get).toList();
        List<String> shown = json.getList("spending.regions.find { it.region.code == '03' }.areas.sharePercent")
                .stream().map(v -> new BigDecimal(v.toString()).setScale(1).toPlainString()).toList();
        assertEquals(expected, shown, "JSON");
        String row = "03 Uppsala " + String.join(" ", expected).replace('.', ',');
        assertTrue(pdf.contains(row), "PDF: " + row);
        try (Workbook workbook = workbook()) {
            Sheet table = workbook.getSheet("3 Tabell 5 Per region");
            Row uppsala = find(table, "03");
            DataFormatter formatter = new DataFormatter();
            List<String> cells = new ArrayList<>();
            for (int c = 3; c < 3 + areas.size(); c++) {
                cells.add(formatter.formatCellValue(uppsala.getCell(c)));
            }
            assertEquals(expected, cells, "XLSX, shown with one decimal");
        }
    }

    @Test
    void tableOneHasThePostpartumValues() throws IOException {
        assertEquals("2023-08-01/2024-07-31", json.getString("indicators.indicators[0].period"));
        assertEquals("EFTERVARDSBESOK", json.getString("indicators.indicators[0].code"));
        assertEquals(90.1f, json.getFloat("indicators.indicators[0].national"));
        assertEquals(87.7f, json.getFloat("indicators.indicators[0].previousNational"));
        assertEquals(16, json.getInt("indicators.indicators[0].regionsMeetingTarget"));
        assertEquals(21, json.getInt("indicators.indicators[0].regionsWithValue"));
        assertTrue(pdf.contains("16 av 21 regioner når målvärdet"));
        List<Map<String, String>> published = csv("postpartum-visit-2023-24.csv").stream()
                .filter(r -> !r.get("region_code").equals("SE")).toList();
        try (Workbook workbook = workbook()) {
            Sheet table = workbook.getSheet("6 Tabell 1 EFTERVARDSBESOK");
            for (Map<String, String> row : published) {
                String code = row.get("region_code");
                String at = "indicators.indicators[0].regions.find { it.region.code == '" + code + "' }.";
                assertEquals(Float.parseFloat(row.get("value")), json.getFloat(at + "value"), code);
                assertEquals(Float.parseFloat(row.get("previous_value")), json.getFloat(at + "previousValue"), code);
                String range = row.get("clinic_min").isEmpty()
                        ? "–"
                        : comma(row.get("clinic_min")) + "–" + comma(row.get("clinic_max"));
                String line = code + " " + json.getString(at + "region.name") + " " + comma(row.get("value"));
                assertTrue(pdf.contains(line), "PDF: " + line);
                assertTrue(pdf.contains(comma(row.get("previous_value"))), "PDF: previous value of " + code);
                assertTrue(pdf.lines().anyMatch(l -> l.startsWith(line) && l.endsWith(range)), "PDF: range " + range);

                Row cells = find(table, code);
                assertEquals(Double.parseDouble(row.get("value")), cells.getCell(2).getNumericCellValue(), 1e-9);
                assertEquals(Double.parseDouble(row.get("previous_value")), cells.getCell(6).getNumericCellValue(),
                        1e-9);
                if (!row.get("clinic_min").isEmpty()) {
                    assertEquals(Double.parseDouble(row.get("clinic_min")), cells.getCell(8).getNumericCellValue());
                }
            }
        }
    }

    @Test
    void everySectionSaysWhatItRestsOn() {
        assertEquals(1, json.getInt("allocation.sources[0].version"));
        assertEquals(21, json.getList("spending.sources").size(), "all 21 reports are submitted or accepted");
        assertTrue(json.getList("spending.sources.version").stream().allMatch(v -> v != null));
        List<String> batches = system.at("gateway").get("/api/v1/indicators/EFTERVARDSBESOK/periods").then()
                .statusCode(200).extract().jsonPath()
                .getList("findAll { it.period == '2023-08-01/2024-07-31' || it.period == '2022-09-01/2023-08-31' }"
                        + ".batches.flatten().batchId");
        assertEquals(batches, json.getList("indicators.indicators[0].sources.reference"));
        for (String batch : batches) {
            assertTrue(pdf.replaceAll("\\s+", "").contains(batch), "PDF names batch " + batch);
        }
        assertEquals(21, json.getInt("completeness.received"));
        assertEquals(List.of("01", "14"),
                json.getList("completeness.reports.findAll { it.status == 'SUBMITTED' }.region.code"));
        assertEquals(2, json.getInt("completeness.late"));
    }

    @Test
    void theSameDataGivesTheSameBytesAndA304() throws Exception {
        HttpClient client = client();
        for (String format : DOCUMENTS.keySet()) {
            HttpResponse<byte[]> again = get(client, format, null);
            assertArrayEquals(DOCUMENTS.get(format), again.body(), format);
            assertEquals(ETAGS.get(format), again.headers().firstValue("ETag").orElseThrow());
            assertEquals(304, get(client, format, ETAGS.get(format)).statusCode(), format);
        }
    }

    private static Workbook workbook() throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(DOCUMENTS.get("xlsx")));
    }

    private static Row find(Sheet sheet, String code) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && code.equals(new DataFormatter().formatCellValue(first))) {
                return row;
            }
        }
        throw new AssertionError("no row " + code + " in " + sheet.getSheetName());
    }

    /** 317989729 as the document writes it: 317 989 729. */
    private static String spaced(String amount) {
        return String.format("%,d", Long.parseLong(amount)).replace(',', ' ');
    }

    /** 86.2 as the document writes it: 86,2; 52 as 52,0. */
    private static String comma(String value) {
        return new BigDecimal(value).setScale(1).toPlainString().replace('.', ',');
    }

    /** A CSV of the demo data (shared/data), comment lines skipped, quoted fields allowed. */
    private static List<Map<String, String>> csv(String file) {
        try (InputStream in = FollowUpIT.class.getResourceAsStream("/se/kvinnohalsa/stack/demo/" + file)) {
            List<List<String>> rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(FollowUpIT::fields).toList();
            List<Map<String, String>> result = new ArrayList<>();
            for (List<String> row : rows.subList(1, rows.size())) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < rows.get(0).size(); i++) {
                    values.put(rows.get(0).get(i), i < row.size() ? row.get(i) : "");
                }
                result.add(values);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
