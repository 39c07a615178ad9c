package se.kvinnohalsa.indicators.observation;

/** The body is larger than the documented limit: 413. Unchecked, so that it passes through the parsers unchanged. */
public class BatchTooLargeException extends RuntimeException {
    public BatchTooLargeException(long limitBytes) {
        super("The batch is larger than the limit of " + limitBytes + " bytes (" + limitBytes / (1024 * 1024)
                + " MiB); split it into several batches");
    }
}
