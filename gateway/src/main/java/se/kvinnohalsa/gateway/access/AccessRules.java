package se.kvinnohalsa.gateway.access;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may send which request through the gateway. Reads are public (the services decide about non-public reads);
 * writes need a valid token, and region-scoped writes (a region's report and decision) a token of that region's
 * reporter or an admin. The services check the same rules again themselves.
 */
public final class AccessRules {

    public enum Verdict {
        ALLOW, UNAUTHENTICATED, FORBIDDEN
    }

    /** The caller as its verified token says: null groups for no (or an invalid) token. */
    public record Caller(String subject, Set<String> groups, String region) {
        public static final Caller ANONYMOUS = new Caller(null, null, null);

        boolean has(String group) {
            return groups != null && groups.contains(group);
        }
    }

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Pattern REGION_REPORT = Pattern.compile("^/api/v1/reports/\\d{4}/([^/]+)(/submission)?/?$");
    private static final Pattern REGION_DECISION = Pattern
            .compile("^/api/v1/agreements/\\d{4}/regions/([^/]+)/decision/?$");
    private static final Pattern OBSERVATIONS = Pattern.compile("^/api/v1/indicators/[^/]+/observations/?$");

    private AccessRules() {
    }

    public static Verdict check(String method, String path, Caller caller) {
        if (READS.contains(method)) {
            return Verdict.ALLOW;
        }
        if (caller.groups() == null) {
            return Verdict.UNAUTHENTICATED;
        }
        if (caller.has("admin")) {
            return Verdict.ALLOW;
        }
        String region = regionOf(path);
        if (region != null) {
            return caller.has("reporter") && region.equals(caller.region()) ? Verdict.ALLOW : Verdict.FORBIDDEN;
        }
        if ("POST".equals(method) && OBSERVATIONS.matcher(path).matches()) {
            return caller.has("registry") ? Verdict.ALLOW : Verdict.FORBIDDEN;
        }
        return Verdict.FORBIDDEN;
    }

    private static String regionOf(String path) {
        for (Pattern pattern : new Pattern[]{REGION_REPORT, REGION_DECISION}) {
            Matcher matcher = pattern.matcher(path);
            if (matcher.matches()) {
                return matcher.group(1);
            }
        }
        return null;
    }
}
