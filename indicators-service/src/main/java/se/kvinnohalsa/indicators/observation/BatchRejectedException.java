package se.kvinnohalsa.indicators.observation;

/** An all-or-nothing batch with bad rows: 422 with every row error (up to the cap), nothing stored. */
public class BatchRejectedException extends RuntimeException {

    private final ImportResult result;

    public BatchRejectedException(ImportResult result) {
        super(result.rejected() + " of " + result.received() + " row(s) are invalid; nothing was stored"
                + " (send ?atomic=false to store the valid rows)");
        this.result = result;
    }

    public ImportResult result() {
        return result;
    }
}
