package se.kvinnohalsa.gateway.system;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real Chromium for the browser tests, headless, driven by Selenium through the system's chromedriver (Debian's
 * {@code chromium} and {@code chromium-driver}; no driver or browser is downloaded). One fresh profile per browser.
 * Where neither is installed the calling test is skipped with one line saying how to enable it; with {@code CI=true}
 * it fails instead, so that CI always runs the browser tests.
 * <p>
 * What a test needs besides WebDriver: the viewport (phone or desktop), the color scheme, going offline, the
 * browser's console errors, axe-core's accessibility check, full-page screenshots under {@code target/screenshots/}
 * and the files the page downloaded.
 */
public final class Browser implements AutoCloseable {

    /** Chromium's binary; -Dbrowser.chromium=... overrides. */
    private static final List<Path> CHROMIUM = List.of(Path.of("/usr/bin/chromium"),
            Path.of("/usr/bin/chromium-browser"));
    private static final Path CHROMEDRIVER = Path
            .of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String HOW_TO_ENABLE = "install Chromium and its driver (apt-get install chromium chromium-driver)"
            + " or point -Dbrowser.chromium and -Dbrowser.chromedriver at them";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static boolean toldSkipped;

    public static final int PHONE_WIDTH = 360;
    public static final int DESKTOP_WIDTH = 1920;
    private static final int PHONE_HEIGHT = 780;
    private static final int DESKTOP_HEIGHT = 1080;

    private final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;
    private int width = DESKTOP_WIDTH;
    private int height = DESKTOP_HEIGHT;
    private boolean dark;

    private Browser(ChromeDriver driver, Path profile, Path downloads) {
        this.driver = driver;
        this.profile = profile;
        this.downloads = downloads;
    }

    /**
     * Skips the calling test (a JUnit assumption) when Chromium or chromedriver is missing, after one line on the
     * console saying so; fails it instead when the environment says CI=true.
     */
    public static synchronized void assumeAvailable() {
        Optional<Path> chromium = chromium();
        boolean available = chromium.isPresent() && Files.isExecutable(CHROMEDRIVER);
        if (available) {
            return;
        }
        String looked = System.getProperty("browser.chromium", CHROMIUM.toString());
        String missing = chromium.isEmpty()
                ? "Chromium (" + looked + ") is missing"
                : "chromedriver (" + CHROMEDRIVER + ") is missing";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("[browser] CI=true and " + missing + ": " + HOW_TO_ENABLE);
        }
        if (!toldSkipped) {
            System.out.println("[browser] browser tests skipped: " + missing + "; to run them, " + HOW_TO_ENABLE);
            toldSkipped = true;
        }
        assumeTrue(false, "browser tests skipped: " + missing + "; to run them, " + HOW_TO_ENABLE);
    }

    private static Optional<Path> chromium() {
        String configured = System.getProperty("browser.chromium");
        if (configured != null) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        return CHROMIUM.stream().filter(Files::isExecutable).findFirst();
    }

    /** A new headless Chromium with a fresh profile; the test is skipped (or fails in CI) without one. */
    public static Browser open() {
        assumeAvailable();
        try {
            Path profile = Files.createTempDirectory("kh-chromium-profile");
            Path downloads = Files.createDirectories(Path.of("target/downloads")).toAbsolutePath()
                    .resolve("browser-" + System.nanoTime());
            Files.createDirectories(downloads);
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium().orElseThrow().toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--lang=sv-SE",
                    "--user-data-dir=" + profile, "--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT);
            Map<String, Object> prefs = new HashMap<>();
            prefs.put("download.default_directory", downloads.toString());
            prefs.put("download.prompt_for_download", false);
            prefs.put("intl.accept_languages", "sv-SE,sv");
            options.setExperimentalOption("prefs", prefs);
            LoggingPreferences logging = new LoggingPreferences();
            logging.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logging);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            Browser browser = new Browser(driver, profile, downloads);
            browser.cdp("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            browser.cdp("Network.enable", Map.of());
            browser.viewport(DESKTOP_WIDTH, DESKTOP_HEIGHT);
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a page and waits until its script says it has rendered with data (main[data-state=ready]). */
    public void open(URI url) {
        driver.get(url.toString());
        awaitRendered();
    }

    public void awaitRendered() {
        until(d -> {
            String state = d.findElement(By.id("main")).getAttribute("data-state");
            if ("error".equals(state)) {
                throw new AssertionError("the page shows an error: " + d.findElement(By.id("main")).getText());
            }
            return "ready".equals(state);
        });
    }

    public <T> T until(Function<WebDriver, T> condition) {
        return until(condition, WAIT);
    }

    /** Waits for the condition; an element the page replaced meanwhile (a live update) is looked up again. */
    public <T> T until(Function<WebDriver, T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(50))
                .ignoring(StaleElementReferenceException.class).until(condition::apply);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    @SuppressWarnings("unchecked")
    public <T> T script(String javascript, Object... args) {
        return (T) ((JavascriptExecutor) driver).executeScript(javascript, args);
    }

    /** The page's viewport in CSS pixels, as a phone (360) or a desktop (1920) has it. */
    public void viewport(int width, int height) {
        this.width = width;
        this.height = height;
        cdp("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1,
                "mobile", width < 700));
    }

    public void phone() {
        viewport(PHONE_WIDTH, PHONE_HEIGHT);
    }

    public void desktop() {
        viewport(DESKTOP_WIDTH, DESKTOP_HEIGHT);
    }

    /** prefers-color-scheme as the page sees it. */
    public void colorScheme(boolean dark) {
        this.dark = dark;
        cdp("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
    }

    public boolean dark() {
        return dark;
    }

    /** Cuts the browser off the network (open connections drop) or lets it back on. */
    public void offline(boolean offline) {
        cdp("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0, "downloadThroughput", -1,
                "uploadThroughput", -1));
    }

    public Map<String, Object> cdp(String command, Map<String, Object> parameters) {
        return driver.executeCdpCommand(command, parameters);
    }

    /** The console's errors since the last call (SEVERE: script errors, failed loads, CSP violations). */
    public List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    /** axe-core's WCAG 2.1 A and AA checks of the page as it is now. */
    public Results axe() {
        return new AxeBuilder().withTags(WCAG_AA).analyze(driver);
    }

    /** The serious and critical violations of a check, one line each: rule, impact, how many elements, first target. */
    public static List<String> seriousOrCritical(Results results) {
        List<String> lines = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                lines.add(rule.getId() + " (" + rule.getImpact() + ", " + rule.getNodes().size() + " elements, e.g. "
                        + rule.getNodes().get(0).getTarget() + "): " + rule.getHelp());
            }
        }
        return lines;
    }

    /** A full-page PNG at target/screenshots/{name}.png; returns its path. */
    public Path screenshot(String name) {
        Number contentHeight = script("return Math.ceil(document.documentElement.scrollHeight)");
        Number contentWidth = script("return Math.ceil(document.documentElement.scrollWidth)");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", Math.max(width, contentWidth.intValue()),
                "height", contentHeight.intValue(), "scale", 1);
        Map<String, Object> shot = cdp("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a download of that name to be complete and returns its bytes. */
    public byte[] downloaded(String fileName) {
        Path file = downloads.resolve(fileName);
        until(d -> Files.exists(file) && !Files.exists(downloads.resolve(fileName + ".crdownload")));
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary profile is no test failure.
        }
    }
}
