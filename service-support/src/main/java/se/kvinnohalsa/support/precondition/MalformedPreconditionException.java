package se.kvinnohalsa.support.precondition;

/** An If-Match or If-None-Match header that is not "*" or a list of entity tags: answered 400 naming the header. */
public class MalformedPreconditionException extends RuntimeException {

    private final String header;

    public MalformedPreconditionException(String header, String message) {
        super(message);
        this.header = header;
    }

    public String header() {
        return header;
    }
}
