package se.kvinnohalsa.gateway.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Who reads an event stream, as its token says: what decides, per event, whether the stream gets the full event or
 * its public projection ({@link EventProjection}). Streams with the same audience share what is sent to them.
 *
 * @param name how the stream's {@code ready} message names it: public, all, registry, region:23
 * @param everything admins and analysts: every event in full
 * @param indicatorImports the registry role: indicator events in full
 * @param region a reporter's region: that region's events in full
 */
public record Audience(String name, boolean everything, boolean indicatorImports, String region) {

    public static final Audience PUBLIC = new Audience("public", false, false, null);
    private static final Set<String> EVERYTHING = Set.of("admin", "analyst");

    /** The audience of a verified token's groups and region claim; no groups is the public. */
    public static Audience of(Set<String> groups, String regionClaim) {
        if (groups == null || groups.isEmpty()) {
            return PUBLIC;
        }
        if (groups.stream().anyMatch(EVERYTHING::contains)) {
            return new Audience("all", true, false, null);
        }
        boolean registry = groups.contains("registry");
        String region = groups.contains("reporter") && regionClaim != null && !regionClaim.isBlank()
                ? regionClaim
                : null;
        if (!registry && region == null) {
            return PUBLIC;
        }
        List<String> parts = new ArrayList<>();
        if (registry) {
            parts.add("registry");
        }
        if (region != null) {
            parts.add("region:" + region);
        }
        return new Audience(String.join("+", parts), false, registry, region);
    }

    /** Whether this audience gets the full event of this type about this region (null: about no region). */
    public boolean seesFull(String type, String eventRegion) {
        if (everything) {
            return true;
        }
        return EventProjection.rule(type).map(rule -> switch (rule.scope()) {
            case REGION -> region != null && region.equals(eventRegion);
            case INDICATOR_IMPORTS -> indicatorImports;
            case NONE -> false;
        }).orElse(false);
    }
}
