package se.kvinnohalsa.gateway.pages;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import se.kvinnohalsa.gateway.system.Browser;
import se.kvinnohalsa.gateway.system.PackagedSystem;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in a real Chromium (Browser) against the whole system as in production (PackagedSystem: the packaged
 * services and gateway on PostgreSQL and Kafka, with the demo data): what a person sees on each page, live updates,
 * CSV downloads, keyboard use, axe-core's WCAG 2.1 AA checks, phone and desktop widths, light and dark schemes, and
 * the page weight and render time (printed). Every test leaves a screenshot in target/screenshots/.
 */
class DashboardIT {

    /** The budget: HTML, CSS and JS of one page together, compressed. */
    private static final long PAGE_WEIGHT_BUDGET_BYTES = 300 * 1024;
    /** The issue: a submission shows as submitted within 2 seconds, without reload. */
    private static final Duration LIVE_WITHIN = Duration.ofSeconds(2);
    private static final Duration RESUME_WITHIN = Duration.ofSeconds(20);
    private static final String BOM = "\uFEFF";
    private static final List<String> PAGES = List.of("/", "/ar/2024", "/indikatorer", "/indikatorer/EFTERVARDSBESOK",
            "/regioner", "/regioner/23");

    private static PackagedSystem system;
    private static Browser browser;

    @BeforeAll
    static void start() {
        Browser.assumeAvailable();
        system = PackagedSystem.get();
        browser = Browser.open();
    }

    /** What an earlier test left in the console (e.g. one that failed half-way) is not this test's. */
    @BeforeEach
    void forgetEarlierConsoleMessages() {
        browser.consoleErrors();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private static URI page(String path) {
        return system.gateway().resolve(path);
    }

    private static JsonPath api(String path) {
        return system.at("gateway").get(path).then().statusCode(200).extract().jsonPath();
    }

    private static void open(String path) {
        browser.desktop();
        browser.colorScheme(false);
        browser.open(page(path));
    }

    /** axe-core finds nothing serious or critical, the console has no error; and a screenshot for review. */
    private static void check(String screenshot) {
        List<String> violations = Browser.seriousOrCritical(browser.axe());
        assertEquals(List.of(), violations, "axe-core: serious or critical WCAG 2.1 AA violations on " + screenshot);
        assertEquals(List.of(), browser.consoleErrors(), "console errors on " + screenshot);
        browser.screenshot(screenshot);
    }

    private static String text(String css) {
        return browser.find(css).getText();
    }

    @Test
    void theYearOverviewShowsTheAllocationsTheReportsAndTheSpending() {
        long jamtland = api("/api/v1/agreements/2024/allocations")
                .getLong("regions.find { it.regionCode == '23' }.totalSek");
        assertEquals(24_612_350L, jamtland, "the demo data's 2024 allocation of region 23");
        JsonPath summary = api("/api/v1/reports/2024/summary");

        open("/ar/2024");
        assertEquals("Statsbidraget 2024", text("h1"));
        String row = text("#allocations-table tr[data-region='23']");
        assertThat(row, containsString("Jämtland Härjedalen"));
        assertThat(row, containsString("24 612 350 kr"));
        assertEquals(21, browser.findAll("#allocations-table tbody tr").size());
        assertEquals(21, browser.findAll("#allocations .bars__row").size(), "a bar per region in the chart");

        assertEquals(21, browser.findAll("#reports-table tbody tr").size());
        assertEquals(summary.getString("accepted"), text("[data-count='ACCEPTED']"));
        assertEquals(summary.getString("late"), text("[data-count='LATE']"));
        assertThat(text("#reports-table tr[data-region='23']"), containsString("Godkänd"));

        String workforce = text("#spending-table");
        double share = summary.getDouble("focusAreas.find { it.code == 'KOMPETENSFORSORJNING' }.sharePercent");
        assertThat(workforce, containsString("Stärkt kompetensförsörjning"));
        assertThat(workforce, containsString(String.format(Locale.ROOT, "%.1f", share).replace('.', ',') + " %"));
        Set<String> excluded = browser.findAll("#excluded-table tbody tr").stream()
                .map(tr -> tr.getAttribute("data-region")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(summary.getList("excludedRegions.regionCode", String.class)), excluded);
        assertThat(text("#spending"), containsString(summary.getList("includedRegions").size() + " regioner"));
        assertTrue(browser.findAll("#target-groups-table tbody tr").size() > 0, "target groups");
        check("year-2024");
    }

    @Test
    void theYearlyFollowUpRendersInTheBrowserWithItsChartsAndFigures() {
        browser.desktop();
        browser.colorScheme(false);
        browser.driver().get(page("/api/v1/follow-up/2024?format=html").toString());
        browser.until(d -> !d.findElements(By.tagName("h1")).isEmpty());
        assertThat(browser.find("h1").getText(), containsString("2024"));
        String text = browser.find("body").getText().replaceAll("[\\s\u00a0\u202f]", "");
        assertThat("Jämtland Härjedalen's 2024 allocation, as in Bilaga 1", text, containsString("24612350"));
        List<WebElement> charts = browser.findAll("svg");
        assertTrue(charts.size() >= 2, "the charts are SVG inside the page: " + charts.size());
        assertTrue(charts.stream().allMatch(c -> c.getSize().getWidth() > 0), "every chart is drawn");
        assertEquals(List.of(), browser.consoleErrors(), "console errors on the follow-up");
        System.out.println("[dashboard] follow-up 2024 as HTML in Chromium: " + charts.size() + " SVG charts, axe "
                + "serious or critical (reported, not asserted: a print document): "
                + Browser.seriousOrCritical(browser.axe()).size());
        browser.screenshot("follow-up-2024");
    }

    @Test
    void theRootIsTheLatestYearWithReports() {
        List<Integer> years = api("/api/v1/agreements").getList("year", Integer.class);
        int expected = years.stream().sorted((a, b) -> b - a)
                .filter(y -> api("/api/v1/reports/" + y + "/summary").getInt("submitted") > 0).findFirst()
                .orElseThrow();
        open("/");
        assertEquals("Statsbidraget " + expected, text("h1"));
        assertThat(text(".eyebrow"), containsStringIgnoringCase("senaste året med redovisningar"));
        check("root");
    }

    @Test
    void theIndicatorPageShowsTheRegionsAgainstTheTargetAndTheNation() {
        open("/indikatorer/EFTERVARDSBESOK");
        assertEquals("Eftervårdsbesök", text("h1"));
        String jamtland = text("#values-table tr[data-region='23']");
        assertThat(jamtland, containsString("94,3 %"));
        assertThat(jamtland, containsString("✓ Ja"));
        String tiles = text("#indicator-tiles");
        assertThat(tiles, containsString("90,1 %"));
        assertThat(tiles, containsString("rapporterat"));
        assertThat(tiles, containsString("16 av 21"));
        assertThat(tiles, containsString("+2,4 p.e."));
        assertEquals(21, browser.findAll("#values-table tbody tr").size());
        assertEquals(21, browser.findAll("#gaps-table tbody tr").size(), "the gap per region, EDU_HIGHER vs PRIMARY");
        assertTrue(browser.findAll("#series svg circle").size() >= 2, "the national series as a line chart");

        // A region's series, chosen by the form: the choice is in the URL, so the page can be bookmarked.
        new Select(browser.find("#serie-region")).selectByValue("23");
        browser.find("#series button[type=submit]").click();
        browser.until(d -> d.getCurrentUrl().contains("region=23") && text("#series-table").contains("94,3 %"));
        assertThat(text("#series-table"), containsString("91,2 %"));
        browser.driver().navigate().refresh();
        browser.awaitRendered();
        assertEquals("23", new Select(browser.find("#serie-region")).getFirstSelectedOption().getAttribute("value"));

        // The previous period, chosen by the form: every part of the page follows.
        new Select(browser.find("#val-period")).selectByValue("2022-09-01/2023-08-31");
        browser.find("form.controls button[type=submit]").click();
        browser.until(d -> d.getCurrentUrl().contains("period=2022-09-01%2F2023-08-31")
                && text("#values h2").contains("2022/23"));
        assertEquals("91,2 %", browser.find("#values-table tr[data-region='23']")
                .findElements(By.cssSelector("td")).get(1).getText(), "region 23's value of 2022/23");
        check("indicator-eftervardsbesok");
    }

    @Test
    void aSuppressedValueShowsADashWithTheReasonNeverAZero() {
        StringBuilder csv = new StringBuilder(
                "region_code,period,group,value,numerator,denominator,clinic_min,clinic_max\n");
        for (String region : api("/api/v1/regions").getList("code", String.class)) {
            // Region 23's cell is small (8 births): public reads must not show it.
            csv.append(region.equals("23")
                    ? "23,2023-08-01/2024-07-31,BORN_ABROAD,87.5,7,8,,\n"
                    : region + ",2023-08-01/2024-07-31,BORN_ABROAD,85.0,170,200,,\n");
        }
        system.as("gateway", "registry", null).contentType("text/csv").body(csv.toString())
                .post("/api/v1/indicators/EFTERVARDSBESOK/observations").then().statusCode(200);

        open("/indikatorer/EFTERVARDSBESOK?grupp=BORN_ABROAD");
        WebElement row = browser.find("#values-table tr[data-region='23']");
        assertEquals("true", row.getAttribute("data-suppressed"));
        String value = row.findElements(By.cssSelector("td")).get(1).getText();
        assertEquals("– för litet underlag", value);
        assertThat(row.getText(), not(containsString("87,5")));
        assertThat(row.getText(), not(containsString("0,0")));
        assertThat(text("#values"), containsString("Värdet är alltså inte noll"));

        browser.find("[data-csv='values-table']").click();
        String file = new String(browser.downloaded("eftervardsbesok-2023-24-born_abroad.csv"), StandardCharsets.UTF_8);
        String line = file.lines().filter(l -> l.startsWith("23;")).findFirst().orElseThrow();
        String[] cells = line.split(";", -1);
        assertEquals("", cells[2], "no value for the suppressed cell in the CSV either");
        assertThat(line, containsString("Dolt: för litet underlag"));
        check("indicator-suppressed");
    }

    @Test
    void theRegionPageShowsTheMoneyTheDecisionTheReportAndTheIndicators() {
        open("/regioner/23?ar=2025");
        assertEquals("Region Jämtland Härjedalen", text("h1"));
        assertThat(text("#region-tiles"), containsString("24 846 478 kr"));
        assertThat(text("#money"), containsString("RS/25/2025"));
        String lines = text("#decision-lines");
        assertThat(lines, containsString("Område Kvinna"));
        assertThat(lines, containsString("16 701 014 kr"));
        assertThat(lines, containsString("8 145 464 kr"));
        String indicator = text("#region-indicators tr[data-indicator='EFTERVARDSBESOK']");
        assertThat(indicator, containsString("94,3 %"));
        assertThat(indicator, containsString("✓ Ja"));
        assertTrue(browser.findAll("a[href='/ar/2025']").size() > 0, "a link to the year overview");
        check("region-23-2025");
    }

    @Test
    void csvDownloadsOpenInSwedishExcelWithTheNumbersOnThePage() {
        JsonPath allocations = api("/api/v1/agreements/2024/allocations");
        open("/ar/2024");
        browser.find("[data-csv='allocations-table']").click();
        byte[] bytes = browser.downloaded("tilldelning-2024.csv");
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3), "UTF-8 BOM");
        String file = new String(bytes, StandardCharsets.UTF_8).substring(BOM.length());
        List<String> lines = file.lines().toList();
        assertEquals("Regionkod;Region;Efter befolkning (kr);Landsbygdssatsning (kr);Totalt (kr)", lines.get(0));
        Map<String, Object> jamtland = allocations.getMap("regions.find { it.regionCode == '23' }");
        assertTrue(lines.contains("23;Jämtland Härjedalen;17151589;7460761;" + jamtland.get("totalSek")),
                "region 23's row as on the page: " + lines);
        assertEquals(21 + 2, lines.size(), "header, 21 regions and the sum");
        assertEquals(";Summa;1367000000;150000000;" + allocations.getLong("totalSek"), lines.get(lines.size() - 1));
        assertTrue(file.endsWith("\r\n") && file.contains("\r\n"), "CRLF line ends");

        browser.find("[data-csv='spending-table']").click();
        String spending = new String(browser.downloaded("kostnader-per-insatsomrade-2024.csv"), StandardCharsets.UTF_8);
        assertTrue(spending.startsWith(BOM + "Insatsområde;Belopp (kr);Andel (%)"), spending);
        assertThat(spending, containsString("Stärkt kompetensförsörjning;228671148;30,2"));

        open("/indikatorer/EFTERVARDSBESOK");
        browser.find("[data-csv='values-table']").click();
        String values = new String(browser.downloaded("eftervardsbesok-2023-24-all.csv"), StandardCharsets.UTF_8);
        assertTrue(values.startsWith(BOM + "Regionkod;Region;Värde;Föregående period;Förändring (procentenheter);"
                + "Lägst bland mottagningarna;Högst bland mottagningarna;Når målet;Anmärkning"), values);
        assertThat(values, containsString("\r\n23;Jämtland Härjedalen;94,3;91,2;3,1;68;100;Ja;\r\n"));
        check("csv-downloaded");
    }

    /** The CSV writer the pages use, run in the browser: what a hostile or awkward value becomes in Excel. */
    @Test
    void theCsvCellsCannotRunAsFormulasAndKeepSeparatorsQuoted() {
        open("/regioner");
        List<String> cells = browser.script("""
                return ['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', 'a;b', 'say "hi"', 'two\\nlines', 94.3,
                        -3.1, 24612350, null, true, false, 'Jämtland'].map(v => KH.csv.cell(v));""");
        assertEquals(List.of("\"'=HYPERLINK(\"\"http://x\"\")\"", "'+1", "'-2", "'@SUM(A1)", "\"a;b\"",
                "\"say \"\"hi\"\"\"", "\"two\nlines\"", "94,3", "-3,1", "24612350", "", "Ja", "Nej", "Jämtland"),
                cells);
        // Compared in the page: WebDriver's answer does not keep carriage returns.
        assertEquals(Boolean.TRUE,
                browser.script("return KH.csv.text(['a', 'b'], [[1.5, null]]) === 'a;b\\r\\n1,5;\\r\\n'"),
                "CRLF line ends, an empty cell for a missing value");
        assertEquals(List.of(), browser.consoleErrors());
        browser.screenshot("regions");
    }

    @Test
    void aSubmissionThroughTheApiShowsLiveWithoutReload() {
        String region = notStartedIn2025("25", "24", "22", "21", "20");
        open("/ar/2025");
        awaitLive();
        browser.script("window.khNotReloaded = true");
        assertEquals("NOT_STARTED", browser.find("#reports-table tr[data-region='" + region + "']")
                .getAttribute("data-status"));

        submit2025Report("gateway", region);
        long submitted = System.nanoTime();
        browser.until(d -> "SUBMITTED".equals(browser.find("#reports-table tr[data-region='" + region + "']")
                .getAttribute("data-status")), LIVE_WITHIN);
        System.out.printf("[dashboard] a 2025 report of region %s showed as submitted %d ms after the API answered%n",
                region, (System.nanoTime() - submitted) / 1_000_000);
        assertEquals(Boolean.TRUE, browser.script("return window.khNotReloaded === true"), "no reload");
        assertThat(text("#reports-table tr[data-region='" + region + "']"), containsString("Inskickad"));
        check("year-2025-live");
    }

    @Test
    void whenTheConnectionDropsThePageSaysSoAndResumesWhereItLeftOff() throws Exception {
        String region = notStartedIn2025("17", "19", "18", "13", "12");
        open("/regioner/" + region + "?ar=2025");
        awaitLive();
        browser.script("window.khNotReloaded = true");
        // The gateway goes away (as in a deployment): the stream drops; meanwhile the region submits its report,
        // straight to reporting-service. When the gateway is back, the page resumes from its last event.
        Duration restarted = system.restart("gateway", () -> {
            browser.until(d -> "reconnecting".equals(browser.find("#live").getAttribute("data-state")),
                    Duration.ofSeconds(10));
            assertEquals("Återansluter …", text("#live"));
            browser.screenshot("region-reconnecting");
            submit2025Report("reporting-service", region);
        });
        long back = System.nanoTime();
        browser.until(d -> "SUBMITTED".equals(browser.find("#report-status").getAttribute("data-status")),
                RESUME_WITHIN);
        awaitLive();
        System.out.printf("[dashboard] the gateway restarted in %d ms; the page showed the report submitted "
                + "meanwhile %d ms after it was back%n", restarted.toMillis(), (System.nanoTime() - back) / 1_000_000);
        assertEquals(Boolean.TRUE, browser.script("return window.khNotReloaded === true"), "no reload");
        // The only errors allowed are those of the cut itself: the event stream's failed reconnects.
        List<String> errors = browser.consoleErrors().stream().filter(e -> !e.contains("/api/v1/events")).toList();
        assertEquals(List.of(), errors);
        browser.screenshot("region-resumed");
    }

    @Test
    void whenAServiceIsDownThePagesShowTheRestAndSayWhatIsMissing() throws Exception {
        system.restart("reporting-service", () -> {
            open("/ar/2024");
            assertThat(text("#allocations-table tr[data-region='23']"), containsString("24 612 350 kr"));
            assertThat(text("#reports"), containsString("en tjänst svarar inte"));
            assertThat(text("#spending"), containsString("en tjänst svarar inte"));
            browser.screenshot("year-2024-reporting-down");
            open("/regioner/23?ar=2024");
            assertThat(text("#money"), containsString("24 612 350 kr"));
            assertThat(text("#report"), containsString("Uppgiften kan inte visas just nu"));
            assertThat(text("#region-indicators"), containsString("94,3 %"));
            browser.screenshot("region-23-reporting-down");
            // The only errors are the answers of the gateway for the service that is away (502, then 503).
            List<String> errors = browser.consoleErrors().stream().filter(e -> !e.contains("/api/v1/reports/"))
                    .toList();
            assertEquals(List.of(), errors);
        });
        // The gateway's circuit breaker lets requests through again after its pause.
        browser.until(d -> system.at("gateway").get("/api/v1/reports/2024/summary").statusCode() == 200,
                Duration.ofSeconds(60));
    }

    @Test
    void mistypedOrHostileAddressesGiveAClearMessageNeverAnError() {
        open("/ar/1999");
        assertThat(text("main"), containsString("Det finns ingen överenskommelse för 1999"));
        open("/regioner/99");
        assertThat(text("main"), containsString("Det finns ingen region med länskoden 99"));
        open("/indikatorer/NOPE");
        assertThat(text("main"), containsString("Det finns ingen indikator med koden NOPE"));
        String hostile = URLEncoder.encode("<img src=x onerror=alert(1)>", StandardCharsets.UTF_8);
        open("/indikatorer/EFTERVARDSBESOK?period=" + hostile + "&grupp=DROP&region=..%2F..%2Fx&jamfor=" + hostile);
        assertThat(text("#indicator-data"), containsString("Det finns inga värden för perioden"));
        assertEquals("ALL", new Select(browser.find("#val-grupp")).getFirstSelectedOption().getAttribute("value"));
        assertEquals(0, browser.findAll("#main img").size(), "the address is shown as text, never as HTML");
        assertEquals(List.of(), browser.consoleErrors());
        browser.screenshot("indicator-hostile-address");
        browser.driver().get(page("/ar/abcd").toString());
        assertEquals("Sidan finns inte", text("h1"));
        assertThat(browser.consoleErrors().toString(), containsString("404"));
    }

    @Test
    void theKeyboardReachesEveryControlWithAVisibleFocus() {
        for (String path : List.of("/ar/2024", "/indikatorer/EFTERVARDSBESOK", "/regioner/23", "/indikatorer")) {
            open(path);
            Long controls = browser
                    .script("""
                            const all = [...document.querySelectorAll('a[href], button, select, input, summary, [tabindex="0"]')]
                              .filter(e => !e.disabled && e.getClientRects().length > 0);
                            all.forEach((e, i) => e.dataset.kb = String(i));
                            document.activeElement.blur();
                            window.scrollTo(0, 0);
                            return all.length;""");
            Set<String> reached = new LinkedHashSet<>();
            List<String> unseen = new ArrayList<>();
            Actions keys = new Actions(browser.driver());
            for (int press = 0; press < controls + 3 && reached.size() < controls; press++) {
                keys.sendKeys(Keys.TAB).perform();
                Map<String, Object> focus = browser.script("""
                        const e = document.activeElement, s = getComputedStyle(e);
                        return {kb: e.dataset.kb || null, outline: s.outlineStyle, width: parseFloat(s.outlineWidth),
                                what: e.tagName + ' ' + (e.textContent || '').trim().slice(0, 40)};""");
                if (focus.get("kb") != null) {
                    reached.add((String) focus.get("kb"));
                    if ("none".equals(focus.get("outline")) || ((Number) focus.get("width")).doubleValue() < 2) {
                        unseen.add((String) focus.get("what"));
                    }
                }
            }
            assertEquals(controls.intValue(), reached.size(), "Tab reaches every control on " + path);
            assertEquals(List.of(), unseen, "focus is visible on every control of " + path);
            System.out.printf("[dashboard] keyboard: %s has %d controls, every one reached by Tab with a visible "
                    + "focus%n", path, controls);
        }
        browser.screenshot("keyboard-focus");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void everyPageAtPhoneAndDesktopWidthInLightAndDark() {
        List<String> report = new ArrayList<>();
        for (String path : PAGES) {
            for (boolean phone : new boolean[]{true, false}) {
                for (boolean dark : new boolean[]{false, true}) {
                    if (phone) {
                        browser.phone();
                    } else {
                        browser.desktop();
                    }
                    browser.colorScheme(dark);
                    browser.open(page(path));
                    Number overflow = browser.script(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                    int width = phone ? Browser.PHONE_WIDTH : Browser.DESKTOP_WIDTH;
                    assertEquals(0, overflow.intValue(), path + " fits " + width + " px without sideways scrolling");
                    assertEquals(width, ((Number) browser.script("return window.innerWidth")).intValue());
                    var axe = browser.axe();
                    List<String> serious = Browser.seriousOrCritical(axe);
                    assertEquals(List.of(), serious, path + " at " + width + " px, " + (dark ? "dark" : "light"));
                    assertEquals(List.of(), browser.consoleErrors(), path);
                    String name = (path.equals("/") ? "root" : path.substring(1).replace('/', '-')) + "-" + width
                            + (dark ? "-dark" : "-light");
                    browser.screenshot(name);
                    report.add(String.format("%s %d px %s: axe %d passed rules, 0 serious/critical, %d minor or "
                            + "moderate", path, width, dark ? "dark" : "light", axe.getPasses().size(),
                            axe.getViolations().size()));
                }
            }
        }
        report.forEach(line -> System.out.println("[dashboard] " + line));
    }

    @Test
    void pageWeightAndRenderTime() {
        for (String path : PAGES) {
            // A fresh load: nothing from the browser's cache, as a first visit.
            browser.cdp("Network.clearBrowserCache", Map.of());
            open(path);
            Map<String, Object> weight = browser
                    .script("""
                            const nav = performance.getEntriesByType('navigation')[0];
                            const own = performance.getEntriesByType('resource')
                              .filter(r => r.initiatorType === 'script' || r.initiatorType === 'link' || r.initiatorType === 'css');
                            const api = performance.getEntriesByType('resource')
                              .filter(r => r.initiatorType === 'fetch' || r.initiatorType === 'xmlhttprequest');
                            return {html: nav.encodedBodySize, assets: own.reduce((s, r) => s + r.encodedBodySize, 0),
                                    decoded: nav.decodedBodySize + own.reduce((s, r) => s + r.decodedBodySize, 0),
                                    files: own.length, api: api.reduce((s, r) => s + r.encodedBodySize, 0), calls: api.length};""");
            long compressed = ((Number) weight.get("html")).longValue() + ((Number) weight.get("assets")).longValue();
            System.out.printf("[dashboard] page weight %s: HTML+CSS+JS %.1f KB compressed (%.1f KB uncompressed, "
                    + "%d files); its API data %.1f KB in %d calls%n", path, compressed / 1024.0,
                    ((Number) weight.get("decoded")).longValue() / 1024.0,
                    ((Number) weight.get("files")).intValue() + 1,
                    ((Number) weight.get("api")).longValue() / 1024.0, ((Number) weight.get("calls")).intValue());
            assertTrue(compressed <= PAGE_WEIGHT_BUDGET_BYTES, path + ": " + compressed + " bytes");
            assertTrue(compressed > 0, "the sizes were measured");
        }
        // Render time of the year overview (not asserted): from navigation start to the page's own mark, set when
        // every section shows its data; cold (empty cache) and warm.
        for (String load : List.of("cold", "warm", "warm")) {
            if (load.equals("cold")) {
                browser.cdp("Network.clearBrowserCache", Map.of());
            }
            open("/ar/2024");
            Map<String, Object> timing = browser.script("""
                    const nav = performance.getEntriesByType('navigation')[0];
                    return {rendered: performance.getEntriesByName('kh-rendered')[0].startTime,
                            dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, ttfb: nav.responseStart};""");
            System.out.printf("[dashboard] render time /ar/2024 (%s cache): rendered with data after %.0f ms "
                    + "(first byte %.0f ms, DOMContentLoaded %.0f ms, load %.0f ms)%n", load,
                    ((Number) timing.get("rendered")).doubleValue(), ((Number) timing.get("ttfb")).doubleValue(),
                    ((Number) timing.get("dcl")).doubleValue(), ((Number) timing.get("load")).doubleValue());
        }
        browser.screenshot("year-2024-timed");
        assertEquals(List.of(), browser.consoleErrors());
    }

    // ------------------------------------------------------------------ helpers

    private static void awaitLive() {
        browser.until(d -> "live".equals(browser.find("#live").getAttribute("data-state")), Duration.ofSeconds(15));
        assertEquals("Live", text("#live"));
    }

    /** The first of these regions whose 2025 report is not started (other tests may have used some). */
    private static String notStartedIn2025(String... candidates) {
        for (String region : candidates) {
            if ("NOT_STARTED".equals(api("/api/v1/reports/2025/" + region + "/status").getString("status"))) {
                return region;
            }
        }
        throw new IllegalStateException("none of " + Arrays.toString(candidates) + " is without a 2025 report");
    }

    /** Through the gateway or straight to reporting-service, as the region's reporter. */
    private static void submit2025Report(String via, String region) {
        String body = """
                {"spending": {"lines": [{"focusArea": "KOMPETENSFORSORJNING", "amountSek": 1000000},
                                        {"focusArea": "EFTERVARD", "amountSek": 500000}], "notSplitReason": null},
                 "activities": [{"title": "Eftervårdsbesök med samtal", "description": "Test av instrumentpanelen",
                                 "focusAreas": ["EFTERVARD"], "targetGroups": ["NEW_MOTHERS"]}],
                 "situationAnalysis": {"results": "Resultat", "contributingFactors": "Faktorer",
                                       "challenges": "Utmaningar", "supportNeeds": "Stöd"},
                 "workforcePlan": {"periodFrom": 2025, "periodTo": 2035, "professions": ["barnmorskor"]},
                 "postpartum": {"visitSharePercent": 92.0, "referralPathsPhysical": "Remiss",
                                "referralPathsMental": "Remiss"}}""";
        system.as(via, "reporter", region).body(body).put("/api/v1/reports/2025/" + region).then().statusCode(201);
        system.as(via, "reporter", region).post("/api/v1/reports/2025/" + region + "/submission").then()
                .statusCode(200);
    }
}
