package se.kvinnohalsa.support.problem;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;
import se.kvinnohalsa.support.fault.TransientFailures;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Answers what the HTTP layer would otherwise answer with an empty body, as problem+json with the request id:
 * a URL longer than {@code requests.max-url-length} (414), headers larger than {@code requests.max-header-bytes}
 * (431), a declared body larger than the service takes (413), an encoded NUL character in the URL (400: no text
 * can hold it), a Content-Type that is no media type (415), and any failure of a Vert.x route (the status it failed with; 503 when the database is
 * unavailable). The HTTP server's own limits are set well above these (see the shared configuration defaults),
 * so that requests reach this check; only what is beyond even those (or is not HTTP) gets the server's bare answer.
 */
@ApplicationScoped
public class RequestChecks {

    /** Right after the request id filter (1000), before authentication, CORS, the body limit and every route. */
    private static final int PRIORITY = 990;
    /** ": " and CRLF of each header line. */
    private static final int HEADER_LINE_OVERHEAD = 4;
    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");
    private static final String ENCODED_NUL = "%00";
    private static final int CLIENT_ERRORS = 400;
    private static final int CONTENT_TOO_LARGE = 413;
    private static final int URI_TOO_LONG = 414;
    private static final int UNSUPPORTED_MEDIA_TYPE = 415;
    private static final int HEADERS_TOO_LARGE = 431;
    private static final int SERVER_ERRORS = 500;
    private static final Logger LOG = Logger.getLogger(RequestChecks.class);

    @Inject
    RequestsConfig config;

    void filters(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void failures(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    }

    void check(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        String uri = request.uri();
        if (uri.length() > config.maxUrlLength()) {
            VertxProblems.send(routing, URI_TOO_LONG, "The URL has " + uri.length() + " characters; at most "
                    + config.maxUrlLength() + " are accepted");
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + HEADER_LINE_OVERHEAD;
        }
        if (headerBytes > config.maxHeaderBytes()) {
            VertxProblems.send(routing, HEADERS_TOO_LARGE,
                    "The request's headers have " + headerBytes + " bytes; at most "
                            + config.maxHeaderBytes() + " are accepted");
            return;
        }
        if (uri.contains(ENCODED_NUL)) {
            VertxProblems.send(routing, CLIENT_ERRORS, "The URL contains an encoded NUL character (%00), which no "
                    + "path segment or parameter can hold",
                    Map.of("errors", List.of(new FieldError("url", "contains %00"))));
            return;
        }
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !isMediaType(contentType)) {
            // Quarkus REST would fail with an IllegalArgumentException (a 500) where it picks a method by media type.
            VertxProblems.send(routing, UNSUPPORTED_MEDIA_TYPE, "The Content-Type is not a media type",
                    Map.of("errors", List.of(new FieldError(HttpHeaders.CONTENT_TYPE,
                            "not a media type such as application/json"))));
            return;
        }
        String length = request.getHeader("Content-Length");
        long maxBody = config.maxBodySize().asLongValue();
        if (length != null && DIGITS.matcher(length).matches() && Long.parseLong(length) > maxBody) {
            // The body is not read: the connection cannot be reused for another request.
            routing.response().putHeader("Connection", "close");
            VertxProblems.send(routing, CONTENT_TOO_LARGE, "Request bodies are limited to " + maxBody + " bytes here");
            return;
        }
        routing.next();
    }

    private static boolean isMediaType(String value) {
        try {
            MediaType.valueOf(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    void failed(RoutingContext routing) {
        Throwable failure = routing.failure();
        if (routing.response().headWritten() || failure != null
                && failure.getClass().getName().startsWith("io.quarkus.security.")) {
            // Authentication challenges are Quarkus' to answer; a started response cannot be answered again.
            routing.next();
            return;
        }
        if (failure != null && TransientFailures.isTransient(failure)) {
            LOG.warnf("the database is unavailable: %s", failure.toString());
            routing.response().putHeader("Retry-After", Long.toString(ServerProblems.seconds(config.retryAfter())));
            VertxProblems.send(routing, ServerProblems.SERVICE_UNAVAILABLE,
                    "The database is unavailable for a moment, so the request could not be completed");
            return;
        }
        int status = routing.statusCode();
        if (status >= CLIENT_ERRORS && status < SERVER_ERRORS) {
            VertxProblems.send(routing, status, "The request cannot be served");
            return;
        }
        LOG.error("unexpected failure", failure);
        VertxProblems.send(routing, SERVER_ERRORS, "An unexpected error occurred; it is logged under the request id");
    }
}
