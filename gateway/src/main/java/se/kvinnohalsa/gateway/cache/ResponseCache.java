package se.kvinnohalsa.gateway.cache;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import se.kvinnohalsa.gateway.events.DomainEventReceived;
import se.kvinnohalsa.gateway.routing.GatewayConfig;
import se.kvinnohalsa.support.precondition.EntityTagCondition;

import java.time.Clock;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ForkJoinPool;

/**
 * The gateway's shared HTTP cache for the services' public answers: a dashboard's anonymous GET is answered from
 * memory while the service's answer is fresh (its Cache-Control), with the service's ETag (If-None-Match gets 304) and
 * per the request headers its Vary names. Only answers to anonymous requests are stored and only anonymous requests
 * are served, so what depends on a token (an admin's unsuppressed view, a reporter's report) never passes through it.
 * Every domain event the gateway reads drops every stored answer: events are rare next to reads, and an event may
 * change what several services answer (their consumers apply it). Each answer carries a {@code Cache-Status} header
 * (RFC 9211).
 */
@ApplicationScoped
public class ResponseCache {

    private static final Logger LOG = Logger.getLogger(ResponseCache.class);
    private static final String STATUS = "Cache-Status";
    private static final String NAME = "kvinnohalsa-gateway";
    private static final String STARTED_IN = ResponseCache.class.getName() + ".generation";
    private static final int NOT_MODIFIED = 304;
    private static final long MILLIS_PER_SECOND = 1000;
    /** A 304 repeats these of the stored answer (RFC 9110 15.4.5). */
    private static final List<String> NOT_MODIFIED_HEADERS = List.of("cache-control", "content-location", "etag",
            "expires", "vary");

    @Inject
    GatewayConfig config;

    @Inject
    Clock clock;

    private SharedResponseCache store;

    @PostConstruct
    void create() {
        store = new SharedResponseCache(clock, config.responseCache().maxBytes(), ForkJoinPool.commonPool());
    }

    /** Route handler after the caller is admitted: a fresh stored answer ends the request here. */
    public void serve(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        if (!config.responseCache().enabled()) {
            routing.next();
            return;
        }
        CachePolicy.Use use = CachePolicy.use(request.method().name(), request::getHeader);
        if (use != CachePolicy.Use.LOOKUP) {
            routing.next();
            return;
        }
        SharedResponseCache.Stored stored = store.lookup(request.uri(), request::getHeader);
        if (stored == null) {
            routing.next();
            return;
        }
        long now = clock.millis();
        boolean notModified;
        try {
            notModified = stored.etag() != null
                    && EntityTagCondition.parse(EntityTagCondition.IF_NONE_MATCH, request.getHeader("If-None-Match"))
                            .map(condition -> condition.matchesWeakly(EntityTagCondition.tagOf(stored.etag())))
                            .orElse(false);
        } catch (RuntimeException malformed) {
            // The service answers a malformed If-None-Match with its own 400.
            routing.next();
            return;
        }
        HttpServerResponse response = routing.response();
        MultiMap headers = response.headers();
        for (Map.Entry<String, String> header : stored.headers()) {
            if (!notModified || NOT_MODIFIED_HEADERS.contains(header.getKey())) {
                headers.add(header.getKey(), header.getValue());
            }
        }
        headers.set("Age", Long.toString(stored.ageSeconds(now)));
        headers.set(STATUS, NAME + "; hit; ttl=" + Math.max(0, (stored.expiresAtMillis() - now) / MILLIS_PER_SECOND));
        if (notModified) {
            response.setStatusCode(NOT_MODIFIED).end();
        } else {
            response.end(Buffer.buffer(stored.body()));
        }
    }

    /** Stores what the service answers to an anonymous GET when it may be stored; runs last among the interceptors. */
    public ProxyInterceptor storing() {
        return new ProxyInterceptor() {
            @Override
            public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                context.set(STARTED_IN, store.generation());
                return context.sendRequest();
            }

            @Override
            public Future<Void> handleProxyResponse(ProxyContext context) {
                return keep(context);
            }
        };
    }

    private Future<Void> keep(ProxyContext context) {
        HttpServerRequest request = context.request().proxiedRequest();
        ProxyResponse response = context.response();
        CachePolicy.Use use = config.responseCache().enabled()
                ? CachePolicy.use(request.method().name(), request::getHeader)
                : CachePolicy.Use.BYPASS;
        if (use == CachePolicy.Use.BYPASS) {
            return context.sendResponse();
        }
        OptionalLong fresh = CachePolicy.freshSeconds(response.getStatusCode(), response.headers()::get);
        Body body = response.getBody();
        long length = body == null ? -1 : body.length();
        if (fresh.isEmpty() || length < 0 || length > config.responseCache().maxEntryBytes()) {
            response.putHeader(STATUS, NAME + "; fwd=" + (use == CachePolicy.Use.LOOKUP ? "uri-miss" : "request"));
            return context.sendResponse();
        }
        Long startedIn = context.get(STARTED_IN, Long.class);
        return read(body.stream(), (int) length).compose(bytes -> {
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (Map.Entry<String, String> header : response.headers()) {
                String name = header.getKey().toLowerCase(Locale.ROOT);
                if (!CachePolicy.NOT_STORED.contains(name)) {
                    headers.add(new AbstractMap.SimpleImmutableEntry<>(name, header.getValue()));
                }
            }
            long now = clock.millis();
            SharedResponseCache.Stored stored = new SharedResponseCache.Stored(List.copyOf(headers), bytes,
                    response.headers().get("ETag"), now, now + fresh.getAsLong() * MILLIS_PER_SECOND);
            boolean kept = startedIn != null && store.store(request.uri(),
                    CachePolicy.varyNames(response.headers().get("Vary")), request::getHeader, stored, startedIn);
            response.setBody(Body.body(Buffer.buffer(bytes)));
            response.putHeader(STATUS, NAME + "; fwd=" + (use == CachePolicy.Use.LOOKUP ? "uri-miss" : "request")
                    + (kept ? "; stored" : ""));
            return context.sendResponse();
        });
    }

    /** The whole body of a known, bounded length. */
    private static Future<byte[]> read(ReadStream<Buffer> stream, int length) {
        Promise<byte[]> promise = Promise.promise();
        Buffer collected = Buffer.buffer(length);
        stream.exceptionHandler(promise::tryFail);
        stream.handler(collected::appendBuffer);
        stream.endHandler(v -> promise.tryComplete(collected.getBytes()));
        stream.resume();
        return promise.future();
    }

    /** Synchronous: on the reader's thread before the event goes out to the streams (EventHub). */
    void onDomainEvent(@Observes DomainEventReceived event) {
        LOG.debugf("%s %s: the shared cache is emptied", event.type(), event.subject());
        store.invalidateAll();
    }

    /** For tests and metrics: what is stored. */
    public SharedResponseCache store() {
        return store;
    }
}
