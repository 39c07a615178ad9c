package se.kvinnohalsa.support.inbox;

/** An event that no retry can make readable: it goes to the dead-letter topic with this message as the reason. */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public PoisonEventException(String message) {
        super(message);
    }
}
