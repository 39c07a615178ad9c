package se.kvinnohalsa.reporting.report;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;
import se.kvinnohalsa.support.precondition.EntityTagCondition;
import se.kvinnohalsa.support.precondition.EntityTagCondition.EntityTag;

import java.util.Optional;

/**
 * A report's ETag is its version, quoted ("3"). If-Match takes one or more tags and compares them strongly (RFC 9110:
 * a weak tag such as W/"3" never matches); a malformed one is 400. "*" is not accepted for a replacement, because it
 * would overwrite whatever another client saved meanwhile.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(int version) {
        return tag(version).header();
    }

    static EntityTag tag(int version) {
        return EntityTag.strong(String.valueOf(version));
    }

    /** The If-Match header's condition; empty when there is none. */
    public static Optional<EntityTagCondition> ifMatch(String ifMatch) {
        return EntityTagCondition.parse(EntityTagCondition.IF_MATCH, ifMatch);
    }

    /** 428 without If-Match (or with "*"), 412 when it names another version. */
    public static void require(String ifMatch, Report report) {
        Optional<EntityTagCondition> condition = ifMatch(ifMatch);
        if (condition.isEmpty() || condition.get().any()) {
            throw new ClientErrorException("Replacing the report of " + report.regionCode + " " + report.year
                    + " needs If-Match with its current ETag (GET it first; it is " + of(report.version) + ")",
                    Response.Status.PRECONDITION_REQUIRED);
        }
        check(ifMatch, report);
    }

    /** 412 when If-Match is given and names no current version. */
    public static void check(String ifMatch, Report report) {
        Optional<EntityTagCondition> condition = ifMatch(ifMatch);
        if (condition.isPresent() && !condition.get().matchesStrongly(tag(report.version))) {
            throw new ClientErrorException("The report has changed since you read it: its ETag is now "
                    + of(report.version) + ", you sent " + ifMatch.strip()
                    + " (a weak tag W/\"..\" never matches: send the ETag as it was given)",
                    Response.Status.PRECONDITION_FAILED);
        }
    }
}
