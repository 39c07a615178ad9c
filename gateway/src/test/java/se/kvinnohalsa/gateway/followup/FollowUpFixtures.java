package se.kvinnohalsa.gateway.followup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A small year as the services' public APIs would answer it: four regions, three focus areas, one indicator. 03 and
 * 23 split their spending (03: 60 / 90 / 30 kr, 23: nothing / 120 / 30 kr), 01 only partly, 06's report was
 * returned; 23 was late.
 */
final class FollowUpFixtures {

    static final int YEAR = 2024;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static final String REGIONS = """
            [{"code": "01", "name": "Stockholm"}, {"code": "03", "name": "Uppsala"},
             {"code": "06", "name": "Jönköping"}, {"code": "23", "name": "Jämtland Härjedalen"}]""";

    static final String AGREEMENT = """
            {"year": 2024, "title": "Överenskommelse 2024", "totalSek": 1000, "reportingDeadline": "2025-03-31",
             "pools": [{"code": "POPULATION", "amountSek": 700}, {"code": "RURAL", "amountSek": 200}],
             "focusAreas": [{"code": "EFTERVARD", "name": "Utveckling av eftervård"},
                            {"code": "KOMPETENSFORSORJNING", "name": "Stärkt kompetensförsörjning"},
                            {"code": "LANDSBYGD", "name": "Landsbygd"}],
             "conditions": ["En kompetensförsörjningsplan"]}""";

    static final String ALLOCATION = """
            {"year": 2024, "status": "PUBLISHED", "version": 2, "publishedAt": "2025-01-10T09:00:00Z", "totalSek": 900,
             "regions": [{"regionCode": "23", "totalSek": 150, "pools": [{"code": "POPULATION", "amountSek": 50}, {"code": "RURAL", "amountSek": 100}]},
                         {"regionCode": "01", "totalSek": 420, "pools": [{"code": "POPULATION", "amountSek": 400}, {"code": "RURAL", "amountSek": 20}]},
                         {"regionCode": "03", "totalSek": 180, "pools": [{"code": "POPULATION", "amountSek": 150}, {"code": "RURAL", "amountSek": 30}]},
                         {"regionCode": "06", "totalSek": 150, "pools": [{"code": "POPULATION", "amountSek": 100}, {"code": "RURAL", "amountSek": 50}]}]}""";

    static final String FIGURES = """
            {"year": 2024, "regions": [
              {"regionCode": "01", "status": "SUBMITTED", "version": 2, "submittedAt": "2025-03-20T10:00:00Z", "late": false,
               "reviewedAt": null, "spendingSplitStatus": "PARTLY_SPLIT",
               "figures": {"spending": {"lines": [{"focusArea": "EFTERVARD", "amountSek": 100}], "linesSek": 100, "totalSpentSek": 420,
                                        "notSplitReason": "Activities touch several areas"},
                           "activities": 2, "targetGroups": [{"code": "PREGNANT", "activityCount": 1}],
                           "workforcePlan": {"exists": true, "periodFrom": 2025, "periodTo": 2035, "professions": ["barnmorskor", "läkare"], "careSettings": []},
                           "postpartumVisitSharePercent": 86.2}},
              {"regionCode": "03", "status": "ACCEPTED", "version": 4, "submittedAt": "2025-03-21T10:00:00Z", "late": false,
               "reviewedAt": "2025-04-02T08:00:00Z", "spendingSplitStatus": "FULLY_SPLIT",
               "figures": {"spending": {"lines": [{"focusArea": "EFTERVARD", "amountSek": 60}, {"focusArea": "KOMPETENSFORSORJNING", "amountSek": 90},
                                                  {"focusArea": "LANDSBYGD", "amountSek": 30}], "linesSek": 180, "totalSpentSek": 180, "notSplitReason": null},
                           "activities": 2, "targetGroups": [],
                           "workforcePlan": {"exists": true, "periodFrom": 2025, "periodTo": 2030, "professions": ["barnmorskor"], "careSettings": []},
                           "postpartumVisitSharePercent": 96.2}},
              {"regionCode": "06", "status": "RETURNED", "version": null, "submittedAt": "2025-03-22T10:00:00Z", "late": false,
               "reviewedAt": "2025-04-03T08:00:00Z", "spendingSplitStatus": null, "figures": null},
              {"regionCode": "23", "status": "ACCEPTED", "version": 3, "submittedAt": "2025-04-05T10:00:00Z", "late": true,
               "reviewedAt": "2025-04-01T08:00:00Z", "spendingSplitStatus": "FULLY_SPLIT",
               "figures": {"spending": {"lines": [{"focusArea": "KOMPETENSFORSORJNING", "amountSek": 120}, {"focusArea": "LANDSBYGD", "amountSek": 30}],
                                        "linesSek": 150, "totalSpentSek": 150, "notSplitReason": null},
                           "activities": 1, "targetGroups": [],
                           "workforcePlan": {"exists": false, "periodFrom": null, "periodTo": null, "professions": [], "careSettings": []},
                           "postpartumVisitSharePercent": null}}]}""";

    static final String SUMMARY = """
            {"year": 2024, "regions": 4, "submitted": 3, "accepted": 2, "late": 1, "splitTotalSek": 330,
             "focusAreas": [{"code": "EFTERVARD", "name": "Utveckling av eftervård", "amountSek": 60, "sharePercent": 18.2},
                            {"code": "KOMPETENSFORSORJNING", "name": "Stärkt kompetensförsörjning", "amountSek": 210, "sharePercent": 63.6},
                            {"code": "LANDSBYGD", "name": "Landsbygd", "amountSek": 60, "sharePercent": 18.2}],
             "includedRegions": ["03", "23"],
             "excludedRegions": [{"regionCode": "01", "reason": "PARTLY_SPLIT", "status": "SUBMITTED", "statedReason": "Activities touch several areas"},
                                 {"regionCode": "06", "reason": "NOT_SUBMITTED", "status": "RETURNED", "statedReason": null}],
             "activities": 6, "targetGroups": [{"code": "PREGNANT", "activityCount": 4, "sharePercent": 66.7},
                                               {"code": "STAFF", "activityCount": 1, "sharePercent": 16.7},
                                               {"code": "YOUNG_PEOPLE", "activityCount": 0, "sharePercent": 0.0}]}""";

    static final String CATALOG_ENTRY = """
            {"code": "EFTERVARDSBESOK", "name": "Eftervårdsbesök", "unit": "PERCENT", "source": "Graviditetsregistret",
             "periodType": "REPORTING_YEAR", "target": {"operator": ">=", "value": 90}, "groups": ["ALL", "EDU_HIGHER", "EDU_PRIMARY"]}""";

    static final String PERIODS = """
            [{"period": "2024-08-01/2025-07-31", "groups": ["ALL"], "regions": 1, "national": false, "observations": 1,
              "lastLoadedAt": "2025-09-01T08:00:00Z", "batches": [{"batchId": "c", "origin": "REGISTRY", "format": "JSON",
              "loadedAt": "2025-09-01T08:00:00Z", "observations": 1}]},
             {"period": "2023-08-01/2024-07-31", "groups": ["ALL", "EDU_HIGHER", "EDU_PRIMARY"], "regions": 3, "national": true,
              "observations": 10, "lastLoadedAt": "2025-05-02T08:15:11Z",
              "batches": [{"batchId": "a", "origin": "REGISTRY", "format": "CSV", "loadedAt": "2025-05-02T08:15:10Z", "observations": 4},
                          {"batchId": "b", "origin": "REGISTRY", "format": "CSV", "loadedAt": "2025-05-02T08:15:11Z", "observations": 6}]},
             {"period": "2022-09-01/2023-08-31", "groups": ["ALL"], "regions": 3, "national": true, "observations": 4,
              "lastLoadedAt": "2024-05-02T08:00:00Z", "batches": [{"batchId": "p", "origin": "REGISTRY", "format": "CSV",
              "loadedAt": "2024-05-02T08:00:00Z", "observations": 4}]}]""";

    static final String VALUES = """
            [{"regionCode": "01", "regionName": "Stockholm", "period": "2023-08-01/2024-07-31", "group": "ALL", "value": 86.2,
              "suppressed": false, "previousPeriod": "2022-09-01/2023-08-31", "previousValue": 81.9, "change": 4.3,
              "clinicMin": 52, "clinicMax": 100, "meetsTarget": false,
              "regionReported": {"value": 86.2, "difference": 0.0, "differs": false}},
             {"regionCode": "03", "regionName": "Uppsala", "period": "2023-08-01/2024-07-31", "group": "ALL", "value": 96.2,
              "suppressed": false, "previousPeriod": "2022-09-01/2023-08-31", "previousValue": 95.3, "change": 0.9,
              "clinicMin": 79, "clinicMax": 100, "meetsTarget": true, "regionReported": null},
             {"regionCode": "23", "regionName": "Jämtland Härjedalen", "period": "2023-08-01/2024-07-31", "group": "ALL",
              "value": null, "suppressed": true, "previousPeriod": "2022-09-01/2023-08-31", "previousValue": null,
              "change": null, "clinicMin": null, "clinicMax": null, "meetsTarget": null, "regionReported": null}]""";

    static final String INDICATOR_SUMMARY = """
            {"indicatorCode": "EFTERVARDSBESOK", "period": "2023-08-01/2024-07-31", "group": "ALL",
             "previousPeriod": "2022-09-01/2023-08-31", "national": {"value": 90.1, "origin": "REPORTED"},
             "previousNational": 87.7, "change": 2.4, "target": {"operator": ">=", "value": 90},
             "regionsMeetingTarget": {"count": 1, "of": 2, "regionCodes": ["03"]}, "lowest": [], "highest": [], "suppressedRegions": ["23"]}""";

    static final String GAPS = """
            {"indicatorCode": "EFTERVARDSBESOK", "period": "2023-08-01/2024-07-31", "previousPeriod": "2022-09-01/2023-08-31",
             "groupA": "EDU_HIGHER", "groupB": "EDU_PRIMARY",
             "national": {"regionCode": "SE", "valueA": 92.6, "valueB": 82.6, "gap": 10.0, "previousGap": 9.0, "change": 1.0},
             "regions": [{"regionCode": "03", "valueA": 98.7, "valueB": 88.7, "gap": 10.0, "previousGap": 9.0, "change": 1.0},
                         {"regionCode": "01", "valueA": 88.7, "valueB": 78.7, "gap": 10.0, "previousGap": 9.0, "change": 1.0}]}""";

    private FollowUpFixtures() {
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Sources sources() {
        JsonNode periods = json(PERIODS);
        return new Sources(YEAR, json(REGIONS), json(AGREEMENT), json(ALLOCATION), json(FIGURES), json(SUMMARY),
                List.of(new Sources.Indicator(json(CATALOG_ENTRY), List.of(periods.get(1), periods.get(2)),
                        json(VALUES), json(INDICATOR_SUMMARY), List.of(json(GAPS)))));
    }

    /** The same year before anything was reported or published. */
    static Sources empty() {
        return new Sources(YEAR, json(REGIONS), json(AGREEMENT), MissingNode.getInstance(), MissingNode.getInstance(),
                MissingNode.getInstance(), List.of());
    }

    static FollowUpReport report() {
        return new FollowUpAssembler(25).assemble(sources());
    }
}
