package se.kvinnohalsa.allocation.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public record DecisionView(int year, String regionCode, String reference, LocalDate decidedOn, String decidedBy,
        long totalSek, List<Line> lines, Instant recordedAt, String recordedBy) {

    public record Line(String unit, long amountSek) {
    }
}
