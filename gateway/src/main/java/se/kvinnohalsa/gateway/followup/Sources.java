package se.kvinnohalsa.gateway.followup;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * What the services' public APIs answered for one year's follow-up, as fetched by {@link SourceFetcher}. A
 * {@link com.fasterxml.jackson.databind.node.MissingNode} stands for "the service has none" (404): no published
 * allocation yet, no reports known for the year.
 *
 * @param regions allocation-service /api/v1/regions
 * @param agreement allocation-service /api/v1/agreements/{year}
 * @param allocation the latest published version of the year's allocations (missing before the first publication)
 * @param figures reporting-service /api/v1/reports/{year}/figures
 * @param summary reporting-service /api/v1/reports/{year}/summary
 * @param indicators every indicator with values for a period ending in the year
 */
public record Sources(int year, JsonNode regions, JsonNode agreement, JsonNode allocation, JsonNode figures,
        JsonNode summary, List<Indicator> indicators) {

    /**
     * One indicator's answers for the chosen period.
     *
     * @param definition the catalog entry
     * @param provenance /periods entries of the period and, if any, its previous period
     * @param values /values?period=
     * @param summary /summary?period=
     * @param gaps /gaps?period=&groups=A,B for every configured pair whose groups both have values
     */
    public record Indicator(JsonNode definition, List<JsonNode> provenance, JsonNode values, JsonNode summary,
            List<JsonNode> gaps) {
    }
}
