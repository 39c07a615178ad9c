package se.kvinnohalsa.reporting.report;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;

/**
 * A report's ETag is its version, quoted ("3"). If-Match takes one or more tags (weak ones compare by value);
 * "*" is not accepted for a replacement, because it would overwrite whatever another client saved meanwhile.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(int version) {
        return "\"" + version + "\"";
    }

    public static boolean matches(String ifMatch, int version) {
        String current = of(version);
        for (String tag : ifMatch.split(",")) {
            String t = tag.strip();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals(current)) {
                return true;
            }
        }
        return false;
    }

    /** 428 without If-Match, 412 when it names another version. */
    public static void require(String ifMatch, Report report) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            throw new ClientErrorException("Replacing the report of " + report.regionCode + " " + report.year
                    + " needs If-Match with its current ETag (GET it first; it is " + of(report.version) + ")",
                    Response.Status.PRECONDITION_REQUIRED);
        }
        check(ifMatch, report);
    }

    /** 412 when If-Match is given and names another version. */
    public static void check(String ifMatch, Report report) {
        if (ifMatch != null && !ifMatch.isBlank() && !matches(ifMatch, report.version)) {
            throw new ClientErrorException("The report has changed since you read it: its ETag is now "
                    + of(report.version) + ", you sent " + ifMatch.strip(), Response.Status.PRECONDITION_FAILED);
        }
    }
}
