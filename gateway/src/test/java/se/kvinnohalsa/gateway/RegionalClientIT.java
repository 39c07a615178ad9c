package se.kvinnohalsa.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.client.ApiClient;
import se.kvinnohalsa.client.ApiException;
import se.kvinnohalsa.client.ApiResponse;
import se.kvinnohalsa.client.api.AllocationsApi;
import se.kvinnohalsa.client.api.IndicatorReadsApi;
import se.kvinnohalsa.client.api.OverviewApi;
import se.kvinnohalsa.client.api.RegionsDecisionsApi;
import se.kvinnohalsa.client.api.ReportsApi;
import se.kvinnohalsa.client.model.Activity;
import se.kvinnohalsa.client.model.AllocationView;
import se.kvinnohalsa.client.model.DecisionRequest;
import se.kvinnohalsa.client.model.DecisionView;
import se.kvinnohalsa.client.model.Line;
import se.kvinnohalsa.client.model.Postpartum;
import se.kvinnohalsa.client.model.Problem;
import se.kvinnohalsa.client.model.RegionAllocation;
import se.kvinnohalsa.client.model.RegionOverview;
import se.kvinnohalsa.client.model.ReportRequest;
import se.kvinnohalsa.client.model.ReportView;
import se.kvinnohalsa.client.model.ReportingLine;
import se.kvinnohalsa.client.model.ReportingWorkforcePlan;
import se.kvinnohalsa.client.model.SituationAnalysis;
import se.kvinnohalsa.client.model.Spending;
import se.kvinnohalsa.client.model.SummaryView;
import se.kvinnohalsa.client.model.TargetGroup;
import se.kvinnohalsa.gateway.system.PackagedSystem;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A regional IT system's whole year through the typed Java client that openapi-generator makes from the merged
 * document's copy in the repository (issue 18.3): read its allocation, record its decision, put, submit and read back
 * its report with If-Match, read the indicator summary and its overview; every answer a typed object, every error a
 * typed problem. Against the packaged system through the gateway.
 */
class RegionalClientIT {

    private static final String REGION = "21";
    private static final int YEAR = 2025;
    private static final String OTHER_REGION = "22";

    private static PackagedSystem system;

    @BeforeAll
    static void startTheSystem() {
        system = PackagedSystem.get();
    }

    /** A client as the region's system would configure it: the gateway's address and its reporter's token. */
    private static ApiClient client(String region) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(system.gateway().toString());
        String token = system.infrastructure().tokens().issue("reporter", region);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    @Test
    void aRegionsYearThroughTheGeneratedClient() throws Exception {
        ApiClient client = client(REGION);

        AllocationView allocations = new AllocationsApi(client).getAllocations(YEAR);
        RegionAllocation ours = allocations.getRegions().stream().filter(r -> REGION.equals(r.getRegionCode()))
                .findFirst().orElseThrow();
        long total = ours.getTotalSek();
        assertTrue(total > 0, "the region's published allocation");

        DecisionRequest decision = new DecisionRequest().reference("RS 2025/21").decidedOn(LocalDate.of(2025, 6, 2))
                .decidedBy("Regionstyrelsen").lines(List.of(new Line().unit("Kvinnosjukvården").amountSek(total - 1000),
                        new Line().unit("Barnmorskemottagningarna").amountSek(1000L)));
        DecisionView recorded = new RegionsDecisionsApi(client).recordDecision(REGION, YEAR, decision);
        assertEquals(total, recorded.getTotalSek());
        assertEquals(2, recorded.getLines().size());

        ReportsApi reports = new ReportsApi(client);
        ApiResponse<ReportView> put = reports.putReportWithHttpInfo(REGION, YEAR, report(), null);
        String etag = etag(put);
        assertEquals("DRAFT", put.getData().getStatus().getValue());
        assertEquals("\"" + put.getData().getVersion() + "\"", etag);

        ApiResponse<ReportView> replaced = reports.putReportWithHttpInfo(REGION, YEAR, report(), etag);
        assertEquals(200, replaced.getStatusCode());
        String current = etag(replaced);

        ApiException stale = assertThrows(ApiException.class,
                () -> reports.putReportWithHttpInfo(REGION, YEAR, report(), etag));
        Problem precondition = problem(stale);
        assertEquals(412, precondition.getStatus());
        assertNotNull(precondition.getDetail());

        ReportView submitted = reports.submitReport(REGION, YEAR, null, current, null);
        assertEquals("SUBMITTED", submitted.getStatus().getValue());
        ReportView read = reports.getReport(REGION, YEAR);
        assertEquals(submitted.getVersion(), read.getVersion());
        assertEquals(Boolean.TRUE, read.getSpendingSplit());

        SummaryView summary = new IndicatorReadsApi(client).getIndicatorSummary("EFTERVARDSBESOK", null, null, null);
        assertEquals("EFTERVARDSBESOK", summary.getIndicatorCode());
        assertNotNull(summary.getNational());

        RegionOverview overview = new OverviewApi(client).getRegionOverview(REGION, String.valueOf(YEAR), null);
        assertEquals(REGION, overview.getRegionCode());
        assertEquals(Boolean.TRUE, overview.getDecision().getAvailable());
        assertEquals(Boolean.TRUE, overview.getDecision().getAdditionalProperty("recorded"));
        assertEquals("SUBMITTED", overview.getReport().getAdditionalProperty("status"));
    }

    @Test
    void errorsAreTypedProblems() throws IOException {
        ApiClient other = client(OTHER_REGION);
        DecisionRequest decision = new DecisionRequest().reference("X").decidedOn(LocalDate.of(2025, 6, 2))
                .decidedBy("Someone").lines(List.of(new Line().unit("Område").amountSek(1L)));
        Problem forbidden = problem(assertThrows(ApiException.class,
                () -> new RegionsDecisionsApi(other).recordDecision(REGION, YEAR, decision)));
        assertEquals(403, forbidden.getStatus());
        assertNotNull(forbidden.getTitle());

        Problem invalid = problem(assertThrows(ApiException.class,
                () -> new RegionsDecisionsApi(client(REGION)).recordDecision(REGION, YEAR,
                        new DecisionRequest().reference("X").decidedOn(LocalDate.of(2025, 6, 2)).decidedBy("Someone")
                                .lines(List.of()))));
        assertTrue(invalid.getStatus() == 400 || invalid.getStatus() == 422, "status " + invalid.getStatus());
        assertTrue(invalid.getErrors() != null && !invalid.getErrors().isEmpty(), "errors name the field");

        Problem unknown = problem(assertThrows(ApiException.class,
                () -> new AllocationsApi(client(REGION)).getAllocations(2031)));
        assertEquals(404, unknown.getStatus());
    }

    private static ReportRequest report() {
        return new ReportRequest()
                .spending(new Spending().lines(List.of(
                        new ReportingLine().focusArea("EFTERVARD").amountSek(9_000_000L),
                        new ReportingLine().focusArea("KUNSKAP").amountSek(3_000_000L))))
                .activities(List.of(new Activity().title("Eftervårdsbesök i hemmet")
                        .description("Barnmorskan besöker nyförlösta med lång resväg").focusAreas(List.of("EFTERVARD"))
                        .targetGroups(List.of(TargetGroup.NEW_MOTHERS))))
                .situationAnalysis(new SituationAnalysis().results("Fler besök").contributingFactors("Ny mottagning")
                        .challenges("Rekrytering").supportNeeds("Nationellt stöd"))
                .workforcePlan(new ReportingWorkforcePlan().periodFrom(2025).periodTo(2035)
                        .professions(List.of("barnmorskor")))
                .postpartum(new Postpartum().visitSharePercent(new BigDecimal("91.5"))
                        .referralPathsPhysical("Bäckenbottenmottagning").referralPathsMental("Psykolog"));
    }

    private static String etag(ApiResponse<?> response) {
        Map<String, List<String>> headers = response.getHeaders();
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("ETag"))
                .map(h -> h.getValue().get(0)).findFirst().orElseThrow();
    }

    /** An error's body as the document's Problem schema. */
    private static Problem problem(ApiException error) throws IOException {
        assertTrue(error.getResponseHeaders().firstValue("Content-Type").orElse("")
                .startsWith("application/problem+json"), "problem+json");
        return new ObjectMapper().findAndRegisterModules().readValue(error.getResponseBody(), Problem.class);
    }
}
