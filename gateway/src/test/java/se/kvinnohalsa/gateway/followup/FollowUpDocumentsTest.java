package se.kvinnohalsa.gateway.followup;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The small year of {@link FollowUpFixtures} in every format, read back: the HTML (Qute) with its SVG charts, the PDF
 * through PDFBox's text extraction, the workbook through POI. The same report gives the same bytes.
 */
@QuarkusTest
class FollowUpDocumentsTest {

    private static final Path SAMPLES = Path.of("target/follow-up-samples");

    @Inject
    FollowUpDocuments documents;

    private final FollowUpReport report = FollowUpFixtures.report();

    @Test
    void theHtmlHasEverySectionInOrderWithItsChartsAndSources() throws IOException {
        String html = new String(save(Format.HTML), StandardCharsets.UTF_8);
        int previous = -1;
        for (String heading : List.of("1. Överenskommelsen", "2. Fördelning per region", "3. Hur regionerna",
                "4. Målgrupper", "5. Kompetensförsörjningsplaner", "6. Indikatorer", "7. Redovisningarnas")) {
            int at = html.indexOf(heading);
            assertTrue(at > previous, heading + " after the section before it");
            previous = at;
        }
        assertTrue(html.contains("<svg"), "charts inside the page");
        assertTrue(html.contains("id='figure-1'"));
        assertTrue(html.contains("id='region-23'"));
        assertTrue(html.contains("63,6"), "national share of workforce supply, one decimal");
        assertTrue(html.contains("redovisning 2024/03 version 4, 2025-04-02 10:00 (Godkänd)"),
                "the report it rests on");
        assertTrue(html.contains("importparti a"), "the import batch it rests on");
        assertTrue(html.contains("Jämtland Härjedalen"));
        assertTrue(html.contains("(skyddat)"), "a suppressed value is marked, never a zero");
        assertTrue(html.contains("Saknas: 06 Jönköping"));
    }

    @Test
    void thePdfReadsBackWithTheSameFigures() throws IOException {
        byte[] pdf = save(Format.PDF);
        assertTrue(new String(pdf, 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
        String text = text(pdf);
        assertTrue(text.contains("Uppföljning av överenskommelsen om kvinnors hälsa 2024"), text);
        assertTrue(text.contains("63,6"), "figure 1's table");
        assertTrue(text.contains("03 Uppsala 33,3 50,0 16,7"), "Uppsala's row of table 5: " + text);
        assertTrue(text.contains("23 Jämtland Härjedalen – 80,0 20,0"), "nothing is a dash");
        assertTrue(text.contains("01 Stockholm 86,2 86,2 Nej 81,9 +4,3 52,0–100,0"), "table 1's row");
    }

    @Test
    void theWorkbookHasOneSheetPerTableWithNumbersAsNumbers() throws IOException {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(save(Format.XLSX)))) {
            List<String> sheets = new ArrayList<>();
            workbook.forEach(s -> sheets.add(s.getSheetName()));
            assertEquals(List.of("1 Överenskommelse", "1 Insatsområden", "1 Villkor", "2 Bilaga 1 Fördelning",
                    "3 Figur 1 Nationellt", "3 Utanför fördelningen", "3 Tabell 5 Per region", "3 Antal regioner",
                    "4 Figur 2 Målgrupper", "5 Bilaga 2 Planer", "6 Tabell 1 EFTERVARDSBESOK",
                    "6 Tabell 1.1 EFTERVARDSBESOK", "7 Redovisningar", "Underlag"), sheets);
            Sheet allocation = workbook.getSheet("2 Bilaga 1 Fördelning");
            assertEquals("Regionkod", allocation.getRow(0).getCell(0).getStringCellValue());
            assertEquals(150, allocation.getRow(4).getCell(4).getNumericCellValue(), "23's total, a number");
            assertEquals(900, allocation.getRow(5).getCell(4).getNumericCellValue(), "the sum");
            Sheet table5 = workbook.getSheet("3 Tabell 5 Per region");
            Row uppsala = table5.getRow(1);
            assertEquals("03", uppsala.getCell(0).getStringCellValue());
            assertEquals(100.0 / 3, uppsala.getCell(3).getNumericCellValue(), 1e-9, "exact, not rounded");
            assertEquals("33.3", new DataFormatter().formatCellValue(uppsala.getCell(3)), "shown with one decimal");
            assertEquals(org.apache.poi.ss.usermodel.CellType.BLANK, table5.getRow(2).getCell(3).getCellType(),
                    "nothing reported is empty, not zero");
            Sheet indicator = workbook.getSheet("6 Tabell 1 EFTERVARDSBESOK");
            assertEquals(86.2, indicator.getRow(1).getCell(2).getNumericCellValue(), 1e-9);
        }
    }

    @Test
    void theSameReportGivesTheSameBytesInEveryFormat() throws InterruptedException {
        for (Format format : Format.values()) {
            byte[] first = documents.render(report, format);
            // Past a second boundary: zip entry and PDF times would show it.
            Thread.sleep(1100);
            assertArrayEquals(first, documents.render(FollowUpFixtures.report(), format), format.name());
        }
    }

    private byte[] save(Format format) throws IOException {
        byte[] bytes = documents.render(report, format);
        Files.createDirectories(SAMPLES);
        Files.write(SAMPLES.resolve("fixture." + format.parameter()), bytes);
        return bytes;
    }

    /** The PDF's text with runs of white space (no-break spaces too) as one space. */
    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            // In reading order: a bold run inside a line is a text object of its own in the PDF.
            stripper.setSortByPosition(true);
            return stripper.getText(document).replace('\u00a0', ' ').replaceAll("[ \\t]+", " ");
        }
    }
}
