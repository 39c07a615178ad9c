package se.kvinnohalsa.gateway;

import java.util.Map;

/**
 * What the services answer on the paths the gateway asks itself (shared/API.md), for the stub upstreams. Region 23
 * has everything for 2025; region 01 has no decision, and its indicator values come too late (the overview must
 * then mark that part unavailable).
 */
public final class ContractFixtures {

    public record Reply(int status, String body, boolean slow) {
    }

    private static final String NOT_FOUND = "{\"status\": 404, \"title\": \"Not Found\"}";

    private static final Map<String, Reply> REPLIES = Map.ofEntries(
            Map.entry("allocation /api/v1/regions", ok("""
                    [{"code": "01", "name": "Stockholm", "officialName": "Region Stockholm"},
                     {"code": "23", "name": "Jämtland Härjedalen", "officialName": "Region Jämtland Härjedalen"}]""")),
            Map.entry("allocation /api/v1/agreements", ok("[{\"year\": 2024}, {\"year\": 2025}]")),
            Map.entry("allocation /api/v1/agreements/2025/allocations",
                    ok("""
                            {"year": 2025, "status": "PUBLISHED", "version": 2, "publishedAt": "2025-02-01T10:00:00Z", "totalSek": 1533000000,
                             "regions": [{"regionCode": "01", "totalSek": 330000000, "pools": [{"code": "POPULATION", "amountSek": 330000000}]},
                                         {"regionCode": "23", "totalSek": 24846478, "pools": [{"code": "POPULATION", "amountSek": 17343191},
                                                                                              {"code": "RURAL", "amountSek": 7503287}]}]}""")),
            Map.entry("allocation /api/v1/agreements/2024/allocations", new Reply(404, NOT_FOUND, false)),
            Map.entry("allocation /api/v1/agreements/2025/regions/23/decision",
                    ok("""
                            {"year": 2025, "regionCode": "23", "reference": "RS/25/2025", "decidedOn": "2025-05-28", "decidedBy": "Regiondirektör",
                             "totalSek": 24846478, "lines": [{"unit": "Område Kvinna", "amountSek": 16701014},
                                                             {"unit": "Mödrahälsovård/primärvård", "amountSek": 8145464}]}""")),
            Map.entry("allocation /api/v1/agreements/2025/regions/01/decision", new Reply(404, NOT_FOUND, false)),
            Map.entry("allocation /api/v1/agreements/2025/regions/23/conditions", ok("""
                    {"year": 2025, "regionCode": "23", "workforcePlan": {"status": "MET"}}""")),
            Map.entry("allocation /api/v1/agreements/2025/regions/01/conditions", ok("""
                    {"year": 2025, "regionCode": "01", "workforcePlan": {"status": "NOT_MET"}}""")),
            Map.entry("indicators /api/v1/indicators/latest?regionCode=23",
                    ok("""
                            [{"code": "EFTERVARDSBESOK", "name": "Eftervårdsbesök", "unit": "PERCENT", "period": "2023-08-01/2024-07-31",
                              "value": 94.3, "suppressed": false, "target": {"operator": ">=", "value": 90}, "meetsTarget": true}]""")),
            Map.entry("indicators /api/v1/indicators/latest?regionCode=01", new Reply(200, "[]", true)),
            Map.entry("allocation /q/openapi?format=json",
                    ok("""
                            {"openapi": "3.1.0", "info": {"title": "allocation-service", "version": "1"},
                             "tags": [{"name": "Agreements"}],
                             "paths": {"/api/v1/agreements": {"get": {"tags": ["Agreements"], "responses": {"200": {"description": "OK",
                                         "content": {"application/json": {"schema": {"$ref": "#/components/schemas/View"}}}}}}},
                                       "/admin/outbox/replay": {"post": {"responses": {"202": {"description": "Accepted"}}}}},
                             "components": {"schemas": {"View": {"type": "object", "properties": {"year": {"type": "integer"}}},
                                                        "FieldError": {"type": "object", "properties": {"field": {"type": "string"}}}}}}""")),
            Map.entry("indicators /q/openapi?format=json",
                    ok("""
                            {"openapi": "3.1.0", "info": {"title": "indicators-service", "version": "1"},
                             "tags": [{"name": "Indicators"}, {"name": "Agreements"}],
                             "paths": {"/api/v1/indicators": {"get": {"tags": ["Indicators"], "responses": {"200": {"description": "OK",
                                         "content": {"application/json": {"schema": {"$ref": "#/components/schemas/View"}}}}}}}},
                             "components": {"schemas": {"View": {"type": "object", "properties": {"code": {"type": "string"}}},
                                                        "FieldError": {"type": "object", "properties": {"field": {"type": "string"}}}}}}""")));

    private ContractFixtures() {
    }

    private static Reply ok(String body) {
        return new Reply(200, body, false);
    }

    /** The fixture for a request to the named upstream, or null: then the stub echoes. */
    static Reply reply(String upstream, String uri) {
        return REPLIES.get(upstream + " " + uri);
    }
}
