package se.kvinnohalsa.indicators.observation;

import java.util.List;

/**
 * What an import did (or, with dryRun, would do). errors lists at most the configured number of row errors;
 * errorsNotShown says how many more there were.
 */
public record ImportResult(String batchId, boolean dryRun, boolean atomic, long received, int created, int updated,
        int unchanged, long rejected, List<RowError> errors, long errorsNotShown) {
}
