package se.kvinnohalsa.gateway.routing;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import se.kvinnohalsa.gateway.access.AccessRules;
import se.kvinnohalsa.gateway.cache.ResponseCache;
import se.kvinnohalsa.gateway.limit.TokenBuckets;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Routes /api/v1/* by path prefix to the services with Vert.x's reverse proxy (bodies stream through, hop-by-hop
 * headers are dropped by the proxy), after checking the caller: rate limit per client, a valid token for writes,
 * region scoping. A service that is down answers 502, a slow one 504, and one that keeps failing is cut off for a
 * while by its circuit breaker (503 with Retry-After) while the other routes stay up. A client that does not send
 * its body in time gets 408; only the service's own failures count towards its breaker ({@link ExchangeFailure}).
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    private static final Pattern CONTENT_LENGTH = Pattern.compile("\\d{1,18}");

    /** Path prefix -> upstream name. */
    static final Map<String, String> ROUTES = new LinkedHashMap<>();

    static {
        ROUTES.put("/api/v1/regions", "allocation");
        ROUTES.put("/api/v1/agreements", "allocation");
        ROUTES.put("/api/v1/reports", "reporting");
        ROUTES.put("/api/v1/indicators", "indicators");
    }

    /** The gateway's own endpoints: the same rate limit applies (they are all public reads). */
    static final List<String> OWN = List.of("/api/v1/overview", "/api/v1/events", "/api/v1/openapi",
            "/api/v1/follow-up");

    @Inject
    GatewayConfig config;

    @Inject
    JWTParser jwtParser;

    @Inject
    ResponseCache cache;

    private TokenBuckets rateLimit;
    private final Map<String, CircuitBreaker> breakers = new HashMap<>();

    void routes(@Observes Router router, Vertx vertx) {
        rateLimit = new TokenBuckets(config.rateLimit().requestsPerSecond(), config.rateLimit().burst(),
                System::nanoTime);
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(100)
                .setKeepAlive(true));
        for (String own : OWN) {
            router.route(own + "*").order(-10).handler(this::admit);
        }
        for (Map.Entry<String, String> route : ROUTES.entrySet()) {
            String name = route.getValue();
            GatewayConfig.Upstream upstream = config.upstream().get(name);
            if (upstream == null) {
                throw new IllegalStateException("gateway.upstream." + name + ".url is not configured");
            }
            // One breaker per service, shared by all its routes: a failing service is failing on every path.
            CircuitBreaker breaker = breakers.computeIfAbsent(name, n -> new CircuitBreaker(
                    config.circuitBreaker().failureThreshold(), config.circuitBreaker().openFor().toNanos(),
                    System::nanoTime));
            HttpProxy proxy = proxy(vertx, client, upstream.url(), name, breaker);
            // After the interceptor above, so that a body refused as too large is a 413 it sees, not a failure.
            proxy.addInterceptor(new BodyLimit(upstream.maxBodyBytes().orElse(config.maxBodyBytes()), name));
            proxy.addInterceptor(new BodilessResponses());
            proxy.addInterceptor(cache.storing());
            // A fresh stored public answer is served after the caller is admitted (rate limit), before the breaker.
            router.route(route.getKey() + "*").order(-10)
                    .handler(this::admit)
                    .handler(cache::serve)
                    .handler(routing -> forward(routing, proxy, breaker, name));
        }
    }

    /** Rate limit, body size and access rules; the token is verified off the event loop. */
    private void admit(RoutingContext routing) {
        String header = routing.request().getHeader("Authorization");
        Future<AccessRules.Caller> caller = header == null || !header.startsWith("Bearer ")
                ? Future.succeededFuture(AccessRules.Caller.ANONYMOUS)
                : routing.vertx().executeBlocking(() -> verify(header.substring("Bearer ".length()).trim()), false);
        routing.request().pause();
        caller.onComplete(result -> {
            routing.request().resume();
            AccessRules.Caller who = result.succeeded() ? result.result() : AccessRules.Caller.ANONYMOUS;
            boolean invalidToken = header != null && who.groups() == null;
            // The address is the client's as a trusted proxy forwarded it (quarkus.http.proxy.trusted-proxies),
            // else the peer's: forwarded headers from anyone else are ignored.
            String client = who.subject() != null
                    ? "sub:" + who.subject()
                    : "ip:" + routing.request().remoteAddress().hostAddress();
            long wait = rateLimit.take(client);
            if (wait > 0) {
                routing.response().putHeader("Retry-After", Long.toString(wait));
                Problems.send(routing, 429, "Too Many Requests",
                        "Rate limit of " + config.rateLimit().requestsPerSecond()
                                + " requests per second exceeded; retry after " + wait + " s");
                return;
            }
            String length = routing.request().getHeader("Content-Length");
            if (length != null && CONTENT_LENGTH.matcher(length).matches()
                    && Long.parseLong(length) > config.maxBodyBytes()) {
                Problems.send(routing, 413, "Content Too Large",
                        "Request bodies are limited to " + config.maxBodyBytes() + " bytes");
                return;
            }
            if (invalidToken) {
                routing.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                Problems.send(routing, 401, "Unauthorized",
                        "The bearer token is not valid (signature, issuer, audience or expiry)");
                return;
            }
            switch (AccessRules.check(routing.request().method().name(), routing.request().path(), who)) {
                case ALLOW -> routing.next();
                case UNAUTHENTICATED -> {
                    routing.response().putHeader("WWW-Authenticate", "Bearer");
                    Problems.send(routing, 401, "Unauthorized",
                            "Writes need a bearer token (Authorization: Bearer <JWT>)");
                }
                case FORBIDDEN -> Problems.send(routing, 403, "Forbidden", "This token may not make this change");
            }
        });
    }

    private AccessRules.Caller verify(String token) {
        try {
            JsonWebToken jwt = jwtParser.parse(token);
            Object region = jwt.getClaim("region");
            return new AccessRules.Caller(jwt.getSubject(), jwt.getGroups() == null ? Set.of() : jwt.getGroups(),
                    region == null ? null : region.toString());
        } catch (ParseException e) {
            LOG.debugf("invalid token: %s", e.getMessage());
            return AccessRules.Caller.ANONYMOUS;
        }
    }

    private void forward(RoutingContext routing, HttpProxy proxy, CircuitBreaker breaker, String name) {
        long refuseFor = breaker.refuseFor();
        if (refuseFor > 0) {
            routing.response().putHeader("Retry-After",
                    Long.toString(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(refuseFor))));
            Problems.send(routing, 503, "Service Unavailable", "The " + name + " service is failing; the gateway "
                    + "stops sending it requests for a while");
            return;
        }
        proxy.handle(routing.request());
    }

    private HttpProxy proxy(Vertx vertx, HttpClient client, URI url, String name, CircuitBreaker breaker) {
        long idleMillis = config.idleTimeout().toMillis();
        HttpProxy proxy = HttpProxy.reverseProxy(client).originRequestProvider((request, http) -> http.request(
                new RequestOptions().setHost(url.getHost()).setPort(url.getPort()).setIdleTimeout(idleMillis)));
        proxy.addInterceptor(new ProxyInterceptor() {
            @Override
            public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                // Headers that the client's Connection header names are hop-by-hop too (RFC 9110, 7.6.1).
                String connection = context.request().proxiedRequest().getHeader("Connection");
                if (connection != null) {
                    for (String name : connection.split(",")) {
                        context.request().headers().remove(name.trim());
                    }
                }
                HttpServerRequest incoming = context.request().proxiedRequest();
                RequestBodies framing = RequestBodies.of(incoming.version(), incoming.method(),
                        incoming.getHeader(HttpHeaders.CONTENT_LENGTH),
                        incoming.getHeader(HttpHeaders.TRANSFER_ENCODING));
                Body body = context.request().getBody();
                BodyDeadline deadline = framing == RequestBodies.NONE || body == null
                        ? null
                        : new BodyDeadline(vertx, body.stream(), config.requestBodyTimeout());
                if (deadline == null) {
                    // Sent on with the headers: no pipe, no pause and resume, no timer for a body that does not exist.
                    context.request().setBody(null);
                    incoming.resume(); // the proxy paused it to stream a body; let its end through
                } else {
                    if (framing == RequestBodies.CHUNKED && incoming.version() == HttpVersion.HTTP_2) {
                        // The proxy decides chunked from the client's headers; an HTTP/2 body has none to say so.
                        incoming.headers().set(HttpHeaders.TRANSFER_ENCODING, "chunked");
                    }
                    context.request().setBody(Body.body(deadline, body.length()));
                }
                return context.sendRequest().map(response -> {
                    // The gateway answers with its own X-Request-Id (the same id, passed upstream); not twice.
                    response.headers().remove("X-Request-Id");
                    if (response.getStatusCode() >= 500) {
                        breaker.failed();
                    } else {
                        breaker.succeeded();
                    }
                    return response;
                }).recover(failure -> {
                    ExchangeFailure verdict = ExchangeFailure.judge(failure, deadline != null && deadline.expired(),
                            context.request().proxiedRequest().isEnded(), name);
                    if (verdict.countsAgainstService()) {
                        breaker.failed();
                    }
                    LOG.warnf("%s %s: %d %s", name, context.request().getURI(), verdict.status(), failure.toString());
                    ProxyResponse response = context.request().response().setStatusCode(verdict.status())
                            .setStatusMessage(verdict.title())
                            .putHeader("Content-Type", Problems.PROBLEM_JSON)
                            .setBody(
                                    Body.body(
                                            Buffer.buffer(Problems
                                                    .body(verdict.status(), verdict.title(), verdict.detail(),
                                                            context.request().getURI(),
                                                            context.request().headers().get("X-Request-Id"))
                                                    .encode())));
                    if (!context.request().proxiedRequest().isEnded()) {
                        // The rest of the body is never read: this connection cannot carry another request.
                        response.putHeader("Connection", "close");
                    }
                    return Future.succeededFuture(response);
                });
            }
        });
        return proxy;
    }
}
