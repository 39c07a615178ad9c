package se.kvinnohalsa.gateway.followup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * How the document writes numbers, dates and codes for its Swedish readers: "321 813 247 kr", "4,6 %", "2025-03-31",
 * "–" for nothing. Rounding happens here and nowhere before it.
 */
public final class Swedish {

    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    /** A dash for a value that is not there (suppressed, not reported): never a zero. */
    public static final String NONE = "–";
    private static final char NO_BREAK_SPACE = '\u00a0';
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    private static final Map<String, String> LABELS = Map.ofEntries(
            // pools
            Map.entry("POPULATION", "Efter befolkning"), Map.entry("RURAL", "Landsbygdssatsning"),
            // report status
            Map.entry("NOT_STARTED", "Ej påbörjad"), Map.entry("DRAFT", "Utkast"),
            Map.entry("SUBMITTED", "Inlämnad, ej granskad"), Map.entry("ACCEPTED", "Godkänd"),
            Map.entry("RETURNED", "Återsänd för komplettering"),
            // allocation status
            Map.entry("PUBLISHED", "Publicerad"), Map.entry("NOT_PUBLISHED", "Inte publicerad"),
            // why a region is not in the national distribution
            Map.entry("NOT_SUBMITTED", "Redovisning saknas"),
            Map.entry("NOT_SPLIT", "Kunde inte fördela medlen per insatsområde"),
            Map.entry("PARTLY_SPLIT", "Fördelade bara en del av medlen per insatsområde"),
            // target groups of activities
            Map.entry("NO_SPECIFIC_GROUP", "Ingen särskild målgrupp"), Map.entry("PREGNANT", "Gravida"),
            Map.entry("NEW_MOTHERS", "Nyförlösta"), Map.entry("PARTNERS_FAMILIES", "Partner och familj"),
            Map.entry("YOUNG_PEOPLE", "Unga"), Map.entry("SEXUAL_VIOLENCE_FGM",
                    "Utsatta för sexuellt våld eller könsstympning"),
            Map.entry("STAFF", "Personal"),
            // indicator groups (BORN_ABROAD is both a target group and an indicator group: the same words fit)
            Map.entry("ALL", "Alla"), Map.entry("BORN_SWEDEN", "Födda i Sverige"),
            Map.entry("BORN_ABROAD", "Födda utomlands"), Map.entry("EDU_HIGHER", "Eftergymnasial utbildning"),
            Map.entry("EDU_PRIMARY", "Högst grundskola"), Map.entry("FIRST_BIRTH", "Förstföderskor"),
            Map.entry("LATER_BIRTH", "Omföderskor"),
            // where a national value comes from
            Map.entry("REPORTED", "rapporterat"), Map.entry("COMPUTED", "beräknat"));

    private Swedish() {
    }

    /** Whole kronor with spaces between thousands: 321 813 247. */
    public static String kronor(long amount) {
        return grouped().format(amount);
    }

    public static String kronor(Long amount) {
        return amount == null ? NONE : kronor(amount.longValue());
    }

    /** One decimal with a decimal comma: 4,6. */
    public static String percent(Percent percent) {
        return percent == null ? NONE : decimal(percent.exact(), 1);
    }

    /** An indicator value or difference as given, at most one decimal: 90,1; -2,4. */
    public static String value(BigDecimal value) {
        return value == null ? NONE : decimal(value, 1);
    }

    /** A change with its sign: +2,4 or -1,3. */
    public static String change(BigDecimal value) {
        if (value == null) {
            return NONE;
        }
        return (value.signum() > 0 ? "+" : "") + decimal(value, 1);
    }

    /** The target in words: "minst 90" (>=) or "högst 10" (<=). */
    public static String target(FollowUpReport.Target target) {
        if (target == null) {
            return "inget målvärde";
        }
        return ("<=".equals(target.operator()) ? "högst " : "minst ") + decimal(target.value(), 1);
    }

    public static String yesNo(Boolean value) {
        return value == null ? NONE : value ? "Ja" : "Nej";
    }

    public static String date(LocalDate date) {
        return date == null ? NONE : date.toString();
    }

    public static String date(Instant time) {
        return time == null ? NONE : time.atZone(ZONE).toLocalDate().toString();
    }

    public static String dateTime(Instant time) {
        return time == null ? NONE : DATE_TIME.format(time);
    }

    /** A period 2023-08-01/2024-07-31 as "2023-08-01 – 2024-07-31". */
    public static String period(String period) {
        return period == null ? NONE : period.replace("/", " – ");
    }

    /** One source a section rests on, for the reader: "redovisning 2024/03 version 5, 2025-03-15 10:00 (Godkänd)". */
    public static String source(Source source) {
        String what = switch (source.kind()) {
            case "AGREEMENT" -> "överenskommelsen " + source.reference();
            case "ALLOCATION" -> "fördelningen " + source.reference();
            case "REPORT" -> "redovisning " + source.reference();
            case "IMPORT_BATCH" -> "importparti " + source.reference();
            case "REGION_REPORT" -> "regionens uppgift " + source.reference();
            default -> source.kind() + " " + source.reference();
        };
        StringBuilder text = new StringBuilder(what);
        if (source.version() != null) {
            text.append(" version ").append(source.version());
        }
        if (source.time() != null) {
            text.append(", ").append(dateTime(source.time()));
        }
        if (source.detail() != null) {
            text.append(" (").append(LABELS.getOrDefault(source.detail(), source.detail())).append(')');
        }
        return text.toString();
    }

    /** The Swedish words for a code; the code itself when there are none. */
    public static String label(String code) {
        return code == null ? NONE : LABELS.getOrDefault(code, code);
    }

    private static String decimal(BigDecimal value, int decimals) {
        BigDecimal rounded = value.setScale(decimals, RoundingMode.HALF_UP);
        DecimalFormat format = grouped();
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        // A hyphen-minus, not U+2212: the PDF's standard fonts (WinAnsi) have no minus sign.
        return format.format(rounded);
    }

    private static DecimalFormat grouped() {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator(NO_BREAK_SPACE);
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat("#,##0", symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }
}
