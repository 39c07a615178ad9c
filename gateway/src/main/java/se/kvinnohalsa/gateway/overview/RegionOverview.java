package se.kvinnohalsa.gateway.overview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * Puts one region's overview together from the services' answers. Every part says whether it is {@code available};
 * an unavailable part carries the reason and the others are complete regardless.
 */
public final class RegionOverview {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private RegionOverview() {
    }

    /** The parts' answers, as fetched in parallel. */
    public record Parts(Part regions, Part allocation, Part decision, Part conditions, Part report, Part indicators) {
    }

    /**
     * Empty when the region is unknown: the list of regions was available and does not hold the code. While the list
     * is unavailable a well-formed code is taken on trust, and the name is missing.
     */
    public static Optional<ObjectNode> assemble(String regionCode, int year, Parts parts) {
        ObjectNode overview = JSON.objectNode();
        overview.put("regionCode", regionCode);
        if (parts.regions() instanceof Part.Answered answered && answered.json() != null) {
            JsonNode region = find(answered.json(), "code", regionCode);
            if (region == null) {
                return Optional.empty();
            }
            overview.set("name", region.get("name"));
            overview.set("officialName", region.get("officialName"));
        } else {
            overview.putNull("name");
        }
        overview.put("year", year);
        overview.set("allocation", allocation(regionCode, parts.allocation()));
        overview.set("decision", decision(parts.decision()));
        overview.set("conditions", passThrough(parts.conditions(), "known"));
        overview.set("report", report(parts.report()));
        overview.set("indicators", indicators(parts.indicators()));
        return Optional.of(overview);
    }

    private static ObjectNode allocation(String regionCode, Part part) {
        if (!(part instanceof Part.Answered answered)) {
            return unavailable(part);
        }
        ObjectNode allocation = available();
        if (answered.json() == null) {
            allocation.put("status", "NO_AGREEMENT");
            return allocation;
        }
        JsonNode all = answered.json();
        allocation.set("status", all.get("status"));
        allocation.set("version", all.get("version"));
        allocation.set("publishedAt", all.get("publishedAt"));
        JsonNode region = find(all.get("regions"), "regionCode", regionCode);
        allocation.set("totalSek", region == null ? JSON.nullNode() : region.get("totalSek"));
        allocation.set("pools", region == null ? JSON.arrayNode() : region.get("pools"));
        return allocation;
    }

    private static ObjectNode decision(Part part) {
        if (!(part instanceof Part.Answered answered)) {
            return unavailable(part);
        }
        ObjectNode decision = available();
        decision.put("recorded", answered.json() != null);
        if (answered.json() != null) {
            for (String field : new String[]{"reference", "decidedOn", "decidedBy", "totalSek", "lines"}) {
                decision.set(field, answered.json().get(field));
            }
        }
        return decision;
    }

    private static ObjectNode report(Part part) {
        if (!(part instanceof Part.Answered answered)) {
            return unavailable(part);
        }
        ObjectNode report = available();
        if (answered.json() == null) {
            report.put("status", "NO_AGREEMENT");
            return report;
        }
        for (String field : new String[]{"status", "submittedAt", "late", "spendingSplit"}) {
            report.set(field, answered.json().get(field));
        }
        return report;
    }

    private static ObjectNode indicators(Part part) {
        if (!(part instanceof Part.Answered answered)) {
            return unavailable(part);
        }
        ObjectNode indicators = available();
        indicators.set("values", answered.json() == null ? JSON.arrayNode() : answered.json());
        return indicators;
    }

    /** A service's object as it is, with {@code available}; {@code flag} says whether there was one (not 404). */
    private static ObjectNode passThrough(Part part, String flag) {
        if (!(part instanceof Part.Answered answered)) {
            return unavailable(part);
        }
        ObjectNode node = available();
        node.put(flag, answered.json() != null);
        if (answered.json() != null && answered.json().isObject()) {
            answered.json().fields().forEachRemaining(e -> {
                if (!e.getKey().equals("year") && !e.getKey().equals("regionCode")) {
                    node.set(e.getKey(), e.getValue());
                }
            });
        }
        return node;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        if (array == null || !array.isArray()) {
            return null;
        }
        for (JsonNode item : array) {
            if (value.equals(item.path(field).asText(null))) {
                return item;
            }
        }
        return null;
    }

    private static ObjectNode available() {
        return JSON.objectNode().put("available", true);
    }

    private static ObjectNode unavailable(Part part) {
        return JSON.objectNode().put("available", false).put("reason", ((Part.Unavailable) part).reason());
    }
}
