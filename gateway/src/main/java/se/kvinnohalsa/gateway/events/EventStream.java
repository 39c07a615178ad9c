package se.kvinnohalsa.gateway.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.jwt.JsonWebToken;
import se.kvinnohalsa.gateway.routing.GatewayConfig;
import se.kvinnohalsa.gateway.routing.Problems;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * GET /api/v1/events: every domain event as Server-Sent Events, for live dashboards, each in the view its reader may
 * see ({@link EventProjection}, {@link Audience}). The gateway reads Kafka once ({@link EventHub}) and fans out to
 * every stream; a stream that reconnects with {@code Last-Event-ID} resumes just after the last event it received,
 * from the gateway's buffer of recent events or, for an older position, by a catch-up read from Kafka. Streams are
 * capped per client and in all, last at most {@code gateway.events.max-lifetime} (then the client reconnects), and a
 * client that does not keep up is cut off rather than waited for.
 */
@ApplicationScoped
public class EventStream {

    static final String PATH = "/api/v1/events";
    /** A token in the URL ends up in access logs and browser history: refused, with a pointer to the header. */
    static final String ACCESS_TOKEN = "access_token";
    private static final String BEARER = "Bearer ";
    private static final long MILLIS_PER_SECOND = 1000;
    /** The replay from the buffer is written in pieces of this share of a stream's write-queue bound. */
    private static final int REPLAY_CHUNKS_PER_QUEUE = 4;

    @Inject
    GatewayConfig config;

    @Inject
    MeterRegistry metrics;

    @Inject
    EventHub hub;

    @Inject
    JWTParser jwtParser;

    @Inject
    Clock clock;

    @Inject
    Vertx vertx;

    private final Map<Thread, LoopFanout> loops = new ConcurrentHashMap<>();
    private ClientCaps caps;
    private CatchUpReader catchUp;
    private LoopFanout.Settings loopSettings;

    /** Who reads a stream, as its verified token says. */
    private record Reader(String subject, Audience audience, Long expiresAtMillis) {
        static final Reader ANONYMOUS = new Reader(null, Audience.PUBLIC, null);
    }

    void routes(@Observes Router router) {
        GatewayConfig.Events events = config.events();
        caps = new ClientCaps(events.maxStreamsPerClient(), events.maxClients());
        metrics.gauge("gateway.events.clients", caps, ClientCaps::open);
        loopSettings = new LoopFanout.Settings(clock, events.reconnectAfter().toMillis(),
                Math.max(1, events.maxQueuedBytes() / REPLAY_CHUNKS_PER_QUEUE), events.slowClientGrace().toMillis(),
                Counter.builder("gateway.events.slow-clients").description("streams cut off for not keeping up")
                        .register(metrics),
                Counter.builder("gateway.events.lifetime-ends").description("streams ended after their lifetime")
                        .register(metrics));
        catchUp = new CatchUpReader(() -> hub.consumerProperties("gateway-events-catch-up"), hub.recent(),
                new CatchUpReader.Settings(events.topics(), events.catchUp().concurrency(),
                        events.catchUp().queue(), events.pollTimeout(), events.slowClientGrace(),
                        Counter.builder("gateway.events.catch-ups")
                                .description("resumes older than the buffer, read from Kafka").register(metrics)));
        router.get(PATH).order(-9).handler(this::open);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (catchUp != null) {
            catchUp.close();
        }
    }

    private void open(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        if (request.getParam(ACCESS_TOKEN) != null) {
            Problems.send(routing, 400, "Bad Request", "access_token: tokens are not taken from the URL (it ends up "
                    + "in logs); send Authorization: Bearer <JWT> (in browsers: a fetch-based SSE client)");
            return;
        }
        String lastEventId = request.getHeader("Last-Event-ID");
        if (lastEventId == null) {
            lastEventId = request.getParam("lastEventId");
        }
        EventCursor from;
        try {
            from = lastEventId == null || lastEventId.isBlank() ? null : EventCursor.parse(lastEventId);
        } catch (IllegalArgumentException e) {
            Problems.send(routing, 400, "Bad Request",
                    "Last-Event-ID is not an event id of this stream: " + e.getMessage());
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null) {
            start(routing, Reader.ANONYMOUS, from);
            return;
        }
        // The gateway's admission has refused anything but a valid bearer token already; this reads its claims.
        Future<Reader> reader = authorization.startsWith(BEARER)
                ? routing.vertx().executeBlocking(() -> verify(authorization.substring(BEARER.length()).trim()),
                        false)
                : Future.succeededFuture(null);
        reader.onComplete(result -> {
            if (result.failed() || result.result() == null) {
                routing.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                Problems.send(routing, 401, "Unauthorized",
                        "The bearer token is not valid (signature, issuer or expiry)");
                return;
            }
            start(routing, result.result(), from);
        });
    }

    private Reader verify(String token) {
        try {
            JsonWebToken jwt = jwtParser.parse(token);
            Object region = jwt.getClaim("region");
            Set<String> groups = jwt.getGroups() == null ? Set.of() : jwt.getGroups();
            long expires = jwt.getExpirationTime();
            return new Reader(jwt.getSubject(), Audience.of(groups, region == null ? null : region.toString()),
                    expires > 0 ? expires * MILLIS_PER_SECOND : null);
        } catch (ParseException e) {
            return null;
        }
    }

    private void start(RoutingContext routing, Reader reader, EventCursor asked) {
        HttpServerResponse response = routing.response();
        if (response.closed() || response.ended()) {
            return;
        }
        EventCursor from = asked == null ? null : streamed(asked);
        RecentEvents recent = hub.recent();
        if (from != null && !recent.canServe(from) && !catchUp.hasRoom()) {
            refuse(routing, 503, "Service Unavailable",
                    "Too many clients are catching up on older events; try again later", "catch-up");
            return;
        }
        SocketAddress address = routing.request().remoteAddress();
        String client = reader.subject() != null
                ? "sub:" + reader.subject()
                : "ip:" + (address == null ? "unknown" : address.hostAddress());
        switch (caps.tryOpen(client)) {
            case CLIENT_FULL -> {
                refuse(routing, 429, "Too Many Requests", "At most " + config.events().maxStreamsPerClient()
                        + " event streams per client are open at once; close one first", "client");
                return;
            }
            case SERVER_FULL -> {
                refuse(routing, 503, "Service Unavailable", "Too many event streams are open; try again later",
                        "capacity");
                return;
            }
            case OPEN -> {
                // go on
            }
        }
        response.setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache").putHeader("X-Accel-Buffering", "no");
        response.setWriteQueueMaxSize(config.events().maxQueuedBytes());
        LoopFanout loop = loops.computeIfAbsent(Thread.currentThread(), thread -> newLoop());
        Subscriber subscriber = new Subscriber(StreamConnection.of(routing.request()), reader.audience(), loop,
                endsAt(reader), () -> caps.close(client));
        response.closeHandler(v -> subscriber.finish());
        response.exceptionHandler(e -> subscriber.finish());
        loop.add(subscriber);
        subscriber.write(SseMessages.retry(config.events().reconnectAfter().toMillis()));
        if (from == null) {
            loop.startLive(subscriber);
        } else {
            EventCursor start = recent.startOf(from);
            subscriber.write(SseMessages.event(start.toString(), "ready", LoopFanout.readyData(subscriber, true)));
            loop.resume(subscriber, start);
        }
    }

    private void refuse(RoutingContext routing, int status, String title, String detail, String reason) {
        metrics.counter("gateway.events.refused", "reason", reason).increment();
        routing.response().putHeader("Retry-After", Long.toString(
                Math.max(1, TimeUnit.MILLISECONDS.toSeconds(config.events().reconnectAfter().toMillis()))));
        Problems.send(routing, status, title, detail);
    }

    /** Only the streamed topics of a client's position: anything else in it is not ours to read. */
    private EventCursor streamed(EventCursor asked) {
        Map<TopicPartition, Long> next = new LinkedHashMap<>(asked.next());
        next.keySet().removeIf(partition -> !config.events().topics().contains(partition.topic()));
        return new EventCursor(next);
    }

    /** The lifetime, a little shorter at random so that reconnects spread out, and never past the token's expiry. */
    private long endsAt(Reader reader) {
        double spread = Math.min(1, Math.max(0, config.events().lifetimeSpread()));
        long lifetime = (long) (config.events().maxLifetime().toMillis()
                * (1 - spread * ThreadLocalRandom.current().nextDouble()));
        long ends = clock.millis() + lifetime;
        return reader.expiresAtMillis() == null ? ends : Math.min(ends, reader.expiresAtMillis());
    }

    /** The streams of the current event loop, with their tick; it gets every batch from the gateway's reader. */
    private LoopFanout newLoop() {
        Context context = VertxContext.getRootContext(Vertx.currentContext());
        LoopFanout loop = new LoopFanout(context, hub.recent(), catchUp, loopSettings);
        hub.register(loop);
        long tickMillis = Math.max(1, config.events().heartbeat().toMillis() / LoopFanout.TICKS_PER_HEARTBEAT);
        context.runOnContext(v -> vertx.setPeriodic(tickMillis, id -> loop.onTick()));
        return loop;
    }
}
