package se.kvinnohalsa.allocation;

import se.kvinnohalsa.stack.testing.ContractApi;

/**
 * Requests as the contract's users make them and the published figures in shared/data ({@link ContractApi}), and
 * allocation-service's own request bodies.
 */
public final class Api extends ContractApi {

    private Api() {
    }

    public static String agreement(int year, long total, long population, long rural, String deadline) {
        return """
                {"year": %d, "title": "Överenskommelse %d", "totalSek": %d, "reportingDeadline": "%s",
                 "pools": [{"code": "POPULATION", "amountSek": %d}, {"code": "RURAL", "amountSek": %d}],
                 "focusAreas": [{"code": "EFTERVARD", "name": "Utveckling av eftervård"},
                                {"code": "KOMPETENSFORSORJNING", "name": "Stärkt kompetensförsörjning"}],
                 "conditions": ["Kompetensförsörjningsplan för barnmorskor och andra professioner"]}"""
                .formatted(year, year, total, deadline, population, rural);
    }
}
