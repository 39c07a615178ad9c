package se.kvinnohalsa.support.deadletter;

import java.util.List;

/** Event ids sent back to their topic, those applied already (left alone) and those not on the dead-letter topic. */
public record RedriveResult(String topic, String consumer, List<String> redriven, List<String> alreadyApplied,
        List<String> notFound) {
}
