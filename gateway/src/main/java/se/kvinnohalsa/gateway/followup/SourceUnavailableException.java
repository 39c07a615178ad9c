package se.kvinnohalsa.gateway.followup;

/** A service the document rests on could not be asked, or answered an error: no document (503, retry later). */
public class SourceUnavailableException extends RuntimeException {

    private final String service;

    public SourceUnavailableException(String service, String message) {
        super(message);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
