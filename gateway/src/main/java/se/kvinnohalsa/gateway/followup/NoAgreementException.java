package se.kvinnohalsa.gateway.followup;

/** allocation-service knows no agreement for the year: there is nothing to follow up (404). */
public class NoAgreementException extends RuntimeException {

    public NoAgreementException(int year) {
        super("No agreement for the year " + year);
    }
}
