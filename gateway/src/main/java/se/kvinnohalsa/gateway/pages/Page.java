package se.kvinnohalsa.gateway.pages;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The dashboard's pages by their paths (Swedish, as the users read them). A page's state beyond the path (period,
 * group, year) is in the query string, read by the page's script; the server only tells which page a path is.
 */
public enum Page {

    /** {@code /}: the year overview of the latest year that has reports. */
    LATEST_YEAR,
    /** {@code /ar/{year}}. */
    YEAR,
    /** {@code /indikatorer}: the indicator catalog. */
    INDICATORS,
    /** {@code /indikatorer/{code}?period=&grupp=}. */
    INDICATOR,
    /** {@code /regioner}: the 21 regions. */
    REGIONS,
    /** {@code /regioner/{code}?ar=}. */
    REGION;

    private static final Pattern YEAR_PATH = Pattern.compile("/ar/\\d{4}/?");
    private static final Pattern INDICATORS_PATH = Pattern.compile("/indikatorer/?");
    private static final Pattern INDICATOR_PATH = Pattern.compile("/indikatorer/[A-Za-z0-9_-]{1,64}/?");
    private static final Pattern REGIONS_PATH = Pattern.compile("/regioner/?");
    private static final Pattern REGION_PATH = Pattern.compile("/regioner/\\d{2}/?");

    /** The page at this path; empty for any other path (the caller answers 404). */
    public static Optional<Page> of(String path) {
        if (path == null) {
            return Optional.empty();
        }
        if (path.equals("/")) {
            return Optional.of(LATEST_YEAR);
        }
        if (YEAR_PATH.matcher(path).matches()) {
            return Optional.of(YEAR);
        }
        if (INDICATORS_PATH.matcher(path).matches()) {
            return Optional.of(INDICATORS);
        }
        if (INDICATOR_PATH.matcher(path).matches()) {
            return Optional.of(INDICATOR);
        }
        if (REGIONS_PATH.matcher(path).matches()) {
            return Optional.of(REGIONS);
        }
        if (REGION_PATH.matcher(path).matches()) {
            return Optional.of(REGION);
        }
        return Optional.empty();
    }

    /** The name the page's script reads from the body's data-page attribute. */
    public String scriptName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
