package se.kvinnohalsa.support.access;

import jakarta.ws.rs.ForbiddenException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Region scoping: an admin may act for any region; a reporter only for the region in its token's {@code region}
 * claim. Everyone else, and a reporter of another region, gets 403.
 */
public final class RegionAccess {

    public static final String ADMIN = "admin";
    public static final String REPORTER = "reporter";
    public static final String ANALYST = "analyst";
    public static final String REGISTRY = "registry";

    private RegionAccess() {
    }

    public static boolean mayWriteFor(JsonWebToken token, String regionCode) {
        if (token == null || token.getGroups() == null) {
            return false;
        }
        if (token.getGroups().contains(ADMIN)) {
            return true;
        }
        Object region = token.getClaim("region");
        return token.getGroups().contains(REPORTER) && region != null && region.toString().equals(regionCode);
    }

    /** Throws 403 unless the token may write for the region. */
    public static void requireWriterFor(JsonWebToken token, String regionCode) {
        if (!mayWriteFor(token, regionCode)) {
            throw new ForbiddenException("Only an admin or a reporter of region " + regionCode + " may do this");
        }
    }

    /** Reads of one region's non-public data: its reporters, admins and analysts. */
    public static void requireReaderFor(JsonWebToken token, String regionCode) {
        if (token != null && token.getGroups() != null && token.getGroups().contains(ANALYST)) {
            return;
        }
        requireWriterFor(token, regionCode);
    }
}
