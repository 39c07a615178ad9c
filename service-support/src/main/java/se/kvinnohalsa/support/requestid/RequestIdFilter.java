package se.kvinnohalsa.support.requestid;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.regex.Pattern;

/**
 * Every HTTP response carries X-Request-Id: the caller's, or a new one. The id goes into the MDC (so into every log
 * line written while serving the request) and into the headers of the events the request causes.
 */
@ApplicationScoped
public class RequestIdFilter {

    /** Long or odd ids are replaced: they end up in logs and event headers. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    /** Before anything else that might answer (auth, CORS, REST). */
    private static final int PRIORITY = 1000;

    void register(@Observes Filters filters) {
        filters.register(routing -> {
            String id = routing.request().getHeader(RequestIds.HTTP_HEADER);
            if (id == null || !ACCEPTABLE.matcher(id).matches()) {
                id = RequestIds.newId();
                routing.request().headers().set(RequestIds.HTTP_HEADER, id);
            }
            routing.response().putHeader(RequestIds.HTTP_HEADER, id);
            MDC.put(RequestIds.MDC_KEY, id);
            routing.next();
        }, PRIORITY);
    }
}
