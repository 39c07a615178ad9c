package se.kvinnohalsa.gateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.kvinnohalsa.events.EventCatalog;
import se.kvinnohalsa.events.contract.AgreementChangedV1;
import se.kvinnohalsa.events.contract.AllocationPublishedV1;
import se.kvinnohalsa.events.contract.DecisionRecordedV1;
import se.kvinnohalsa.events.contract.IndicatorObservationsChangedV1;
import se.kvinnohalsa.events.contract.ReportReviewedV1;
import se.kvinnohalsa.events.contract.ReportSubmittedV1;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the live event stream shows of each event type to whom. Everyone gets the public projection: the fields the
 * public REST API shows anyway. The full event goes to admins and analysts, and to the one other audience that may
 * read the event's source ({@link Scope}). Public fields are listed, never excluded: a field added to an event later
 * stays out of the public projection until it is classified here (EventProjectionTest fails until it is), and an
 * event type not listed here shows no data at all publicly.
 */
public final class EventProjection {

    /** Who, besides admins and analysts, gets the full event. */
    public enum Scope {
        /** No one else (the full event adds only the request id). */
        NONE("admin, analyst"),
        /** The reporter of the event's region ({@code data.regionCode} = the token's {@code region}). */
        REGION("admin, analyst, reporter of the event's region"),
        /** The registry role, which loads the indicator data the event is about. */
        INDICATOR_IMPORTS("admin, analyst, registry");

        private final String fullFor;

        Scope(String fullFor) {
            this.fullFor = fullFor;
        }

        public String fullFor() {
            return fullFor;
        }
    }

    /**
     * One event type's rule.
     *
     * @param publicFields the data fields everyone gets
     * @param fullOnlyFields the data fields only the full event carries
     * @param publicBecause where the public REST API already shows the public fields
     */
    public record Rule(String type, Scope scope, List<String> publicFields, List<String> fullOnlyFields,
            String publicBecause) {
    }

    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        add(AgreementChangedV1.class, Scope.NONE,
                List.of("year", "title", "totalSek", "reportingDeadline", "pools", "focusAreas", "conditions"),
                List.of(), "GET /api/v1/agreements/{year} is public");
        add(AllocationPublishedV1.class, Scope.NONE,
                List.of("year", "version", "totalSek", "publishedAt", "regions"),
                List.of(), "GET /api/v1/agreements/{year}/allocations is public");
        add(DecisionRecordedV1.class, Scope.REGION,
                List.of("year", "regionCode", "reference", "decidedOn", "decidedBy", "totalSek", "lines"),
                List.of(), "GET /api/v1/agreements/{year}/regions/{regionCode}/decision is public");
        add(ReportSubmittedV1.class, Scope.REGION,
                List.of("year", "regionCode", "submittedAt", "late", "spendingSplit"),
                List.of("totalSpentSek", "postpartumVisitSharePercent", "hasWorkforcePlan"),
                "GET /api/v1/reports/{year}/{regionCode}/status is public; the report's content is not");
        add(ReportReviewedV1.class, Scope.REGION,
                List.of("year", "regionCode", "decision", "status", "reviewedAt"),
                List.of("comment", "reviewedBy", "hasWorkforcePlan"),
                "the status (ACCEPTED, RETURNED) and reviewedAt are public in .../status; the review is not");
        add(IndicatorObservationsChangedV1.class, Scope.INDICATOR_IMPORTS,
                List.of("indicatorCode", "periods", "regionCodes", "created", "updated", "changedAt"),
                List.of("batchId"),
                "the indicator's values are public; the import batch is the importer's");
    }

    private EventProjection() {
    }

    private static void add(Class<?> event, Scope scope, List<String> publicFields, List<String> fullOnly,
            String because) {
        String type = EventCatalog.typeOf(event);
        RULES.put(type, new Rule(type, scope, publicFields, fullOnly, because));
    }

    /** Every rule, in catalog order. */
    public static List<Rule> rules() {
        return List.copyOf(RULES.values());
    }

    public static Optional<Rule> rule(String type) {
        return Optional.ofNullable(type).map(RULES::get);
    }

    /** The public projection of an event's data: its public fields; JSON null for a type without a rule. */
    public static JsonNode publicData(String type, JsonNode data) {
        Rule rule = type == null ? null : RULES.get(type);
        if (rule == null || data == null || !data.isObject()) {
            return NullNode.getInstance();
        }
        ObjectNode projected = JsonNodeFactory.instance.objectNode();
        for (String field : rule.publicFields()) {
            JsonNode value = data.get(field);
            if (value != null) {
                projected.set(field, value);
            }
        }
        return projected;
    }
}
