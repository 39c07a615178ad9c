package se.kvinnohalsa.support.problem;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import se.kvinnohalsa.support.fault.TransientFailures;

import java.time.Duration;
import java.util.Map;

/**
 * Failures that are not the client's: 503 with Retry-After when the database is unavailable for a moment
 * ({@link TransientFailures}), so that clients retry instead of giving up, and otherwise 500; both problem+json
 * without a stack trace, logged under the request id. Exceptions with a mapper of their own (bad input, access,
 * not found) never come here.
 */
public class ServerProblems {

    public static final int SERVICE_UNAVAILABLE = 503;
    private static final int INTERNAL_SERVER_ERROR = 500;
    private static final Logger LOG = Logger.getLogger(ServerProblems.class);

    @Inject
    RequestsConfig config;

    @ServerExceptionMapper(priority = ApiProblems.FIRST)
    public Response unexpected(RuntimeException e, UriInfo uri) {
        if (TransientFailures.isTransient(e)) {
            LOG.warnf("the database is unavailable: %s", rootCause(e));
            return unavailable(uri.getPath()).build();
        }
        LOG.error("unexpected failure", e);
        return SecurityProblems.problem(INTERNAL_SERVER_ERROR, "Internal Server Error",
                "An unexpected error occurred; it is logged under the request id", uri.getPath(), Map.of()).build();
    }

    /** 503 problem+json with Retry-After: the database is unavailable; the change may not have been made. */
    public Response.ResponseBuilder unavailable(String path) {
        long seconds = retryAfterSeconds();
        return SecurityProblems.problem(SERVICE_UNAVAILABLE, "Service Unavailable",
                "The database is unavailable for a moment, so the request could not be completed; retry after "
                        + seconds + " s",
                path, Map.of()).header("Retry-After", Long.toString(seconds));
    }

    long retryAfterSeconds() {
        return seconds(config.retryAfter());
    }

    /** Retry-After is whole seconds, at least one. */
    static long seconds(Duration duration) {
        return Math.max(1, duration.toSeconds());
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
