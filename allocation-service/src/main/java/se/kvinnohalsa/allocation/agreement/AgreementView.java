package se.kvinnohalsa.allocation.agreement;

import java.time.LocalDate;
import java.util.List;

public record AgreementView(int year, String title, long totalSek, LocalDate reportingDeadline, List<Pool> pools,
        List<FocusArea> focusAreas, List<String> conditions) {

    /** keyKind: NONE (no key yet), WEIGHTS (distribution key) or AMOUNTS (fixed amounts). */
    public record Pool(String code, long amountSek, String keyKind) {
    }

    public record FocusArea(String code, String name) {
    }
}
