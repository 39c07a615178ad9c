package se.kvinnohalsa.gateway.followup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.kvinnohalsa.gateway.routing.GatewayConfig;
import se.kvinnohalsa.gateway.upstream.UpstreamClient;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Asks the services' public APIs for everything a year's follow-up needs, in parallel where one answer does not
 * decide the next question (like the region overview). Any call that fails, is slow or answers an error fails the
 * whole fetch: a document with a section missing would misstate the year.
 */
@ApplicationScoped
public class SourceFetcher {

    private static final int NOT_FOUND = 404;
    private static final String ALLOCATION = "allocation";
    private static final String REPORTING = "reporting";
    private static final String INDICATORS = "indicators";

    @Inject
    UpstreamClient upstreams;

    @Inject
    GatewayConfig config;

    @Inject
    ObjectMapper mapper;

    private ObjectReader reader() {
        // Indicator values as exact decimals, never through double.
        return mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    public Uni<Sources> fetch(int year, String requestId) {
        String agreements = "/api/v1/agreements/" + year;
        Uni<JsonNode> agreement = get(ALLOCATION, agreements, requestId, true).invoke(node -> {
            if (node.isMissingNode()) {
                throw new NoAgreementException(year);
            }
        });
        return Uni.combine().all()
                .unis(agreement, get(ALLOCATION, "/api/v1/regions", requestId, false),
                        publishedAllocation(year, requestId),
                        get(REPORTING, "/api/v1/reports/" + year + "/figures", requestId, true),
                        get(REPORTING, "/api/v1/reports/" + year + "/summary", requestId, true),
                        indicators(year, requestId))
                .with(parts -> {
                    @SuppressWarnings("unchecked")
                    List<Sources.Indicator> indicators = (List<Sources.Indicator>) parts.get(5);
                    return new Sources(year, (JsonNode) parts.get(1), (JsonNode) parts.get(0),
                            (JsonNode) parts.get(2), (JsonNode) parts.get(3), (JsonNode) parts.get(4), indicators);
                });
    }

    /** The latest published version: the current allocations when they are that version, else that version itself. */
    private Uni<JsonNode> publishedAllocation(int year, String requestId) {
        String path = "/api/v1/agreements/" + year + "/allocations";
        return get(ALLOCATION, path, requestId, true).flatMap(current -> {
            if (current.isMissingNode() || "PUBLISHED".equals(current.path("status").asText())) {
                return Uni.createFrom().item(current);
            }
            if (!current.path("version").isInt()) {
                return Uni.createFrom().item((JsonNode) MissingNode.getInstance());
            }
            return get(ALLOCATION, path + "/versions/" + current.path("version").asInt(), requestId, false);
        });
    }

    private Uni<List<Sources.Indicator>> indicators(int year, String requestId) {
        return get(INDICATORS, "/api/v1/indicators", requestId, false).flatMap(catalog -> {
            List<Uni<Sources.Indicator>> each = new ArrayList<>();
            for (JsonNode definition : FollowUpAssembler.array(catalog)) {
                each.add(indicator(year, definition, requestId));
            }
            if (each.isEmpty()) {
                return Uni.createFrom().item(List.<Sources.Indicator>of());
            }
            return Uni.combine().all().unis(each).with(Sources.Indicator.class,
                    found -> found.stream().filter(i -> i != null).toList());
        });
    }

    /** null when the indicator has no values for a period ending in the year. */
    private Uni<Sources.Indicator> indicator(int year, JsonNode definition, String requestId) {
        String code = definition.path("code").asText();
        String base = "/api/v1/indicators/" + encode(code);
        return get(INDICATORS, base + "/periods", requestId, false).flatMap(periods -> {
            JsonNode period = FollowUpAssembler.periodFor(year, periods).orElse(null);
            if (period == null) {
                return Uni.createFrom().nullItem();
            }
            String query = "?period=" + encode(period.path("period").asText());
            Set<String> loaded = new java.util.HashSet<>();
            FollowUpAssembler.array(period.path("groups")).forEach(g -> loaded.add(g.asText()));
            List<Uni<JsonNode>> gaps = new ArrayList<>();
            for (String pair : config.followUp().groupPairs()) {
                String[] groups = pair.split(":");
                if (groups.length == 2 && loaded.contains(groups[0]) && loaded.contains(groups[1])) {
                    gaps.add(get(INDICATORS, base + "/gaps" + query + "&groups=" + encode(groups[0] + "," + groups[1]),
                            requestId, false));
                }
            }
            Uni<List<JsonNode>> allGaps = gaps.isEmpty()
                    ? Uni.createFrom().item(List.of())
                    : Uni.combine().all().unis(gaps).with(JsonNode.class, list -> list);
            return Uni.combine().all()
                    .unis(get(INDICATORS, base + "/values" + query, requestId, false),
                            get(INDICATORS, base + "/summary" + query, requestId, false), allGaps)
                    .with((values, summary, gapList) -> {
                        List<JsonNode> provenance = new ArrayList<>();
                        provenance.add(period);
                        String previous = summary.path("previousPeriod").asText(null);
                        for (JsonNode other : FollowUpAssembler.array(periods)) {
                            if (other.path("period").asText().equals(previous)) {
                                provenance.add(other);
                            }
                        }
                        return new Sources.Indicator(definition, provenance, values, summary, gapList);
                    });
        });
    }

    /** The service's JSON; MissingNode for a 404 where {@code absentAllowed}; a failure otherwise. */
    private Uni<JsonNode> get(String upstream, String pathAndQuery, String requestId, boolean absentAllowed) {
        return upstreams.get(upstream, pathAndQuery, config.followUp().timeout(), requestId)
                .onFailure().transform(failure -> new SourceUnavailableException(upstream,
                        UpstreamClient.isTimeout(failure)
                                ? "The " + upstream + " service did not answer in time"
                                : "The " + upstream + " service cannot be reached"))
                .map(reply -> {
                    if (reply.status() == NOT_FOUND && absentAllowed) {
                        return MissingNode.getInstance();
                    }
                    if (!reply.ok()) {
                        throw new SourceUnavailableException(upstream,
                                "The " + upstream + " service answered " + reply.status() + " to " + pathAndQuery);
                    }
                    try {
                        return reader().readTree(reply.body().getBytes());
                    } catch (IOException e) {
                        throw new SourceUnavailableException(upstream,
                                "The " + upstream + " service answered something that is not JSON");
                    }
                });
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
