package se.kvinnohalsa.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The gateway's settings: where the services are, how long it waits for them, and its limits per client. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** By name: allocation, reporting, indicators. */
    Map<String, Upstream> upstream();

    @WithDefault("PT2S")
    Duration connectTimeout();

    /** An upstream that sends nothing for this long is given up on: 504. */
    @WithDefault("PT30S")
    Duration idleTimeout();

    /**
     * A client that has not sent its whole request body within this long is cut off with 408 (a slow or stalled
     * sender must not hold a connection to a service, nor count as that service's failure). Shorter than
     * {@link #idleTimeout()}, so the client's delay is never taken for the service's.
     */
    @WithDefault("PT20S")
    Duration requestBodyTimeout();

    CircuitBreakerConfig circuitBreaker();

    RateLimit rateLimit();

    /** Bodies larger than this are refused with 413. */
    long maxBodyBytes();

    /** The gateway's own calls to the services (overview, merged OpenAPI). */
    UpstreamCalls upstreamCalls();

    Overview overview();

    OpenApi openapi();

    Events events();

    Pages pages();

    FollowUp followUp();

    /** The shared cache of public, cacheable answers to anonymous GETs ({@code se.kvinnohalsa.gateway.cache}). */
    ResponseCache responseCache();

    interface UpstreamCalls {
        @WithDefault("20")
        int maxConnections();
    }

    interface Overview {
        /** Each part of the overview waits this long for its service, then is marked unavailable. */
        @WithDefault("PT2S")
        Duration timeout();
    }

    interface OpenApi {
        @WithDefault("PT5S")
        Duration timeout();

        /** A complete merge is reused this long; an incomplete one (a service down) is not cached. */
        @WithDefault("PT30S")
        Duration cacheFor();
    }

    interface Events {
        /** A comment line is sent when nothing else was for this long, so proxies and clients keep the stream. */
        @WithDefault("PT15S")
        Duration heartbeat();

        /** Streams open on this gateway at most; beyond, 503 with Retry-After. */
        @WithDefault("16000")
        int maxClients();

        /** Streams one client (token subject, else address) may have open; beyond, 429 with Retry-After. */
        @WithDefault("20")
        int maxStreamsPerClient();

        /**
         * A stream ends cleanly after about this long (each a little earlier, at random, so that reconnects spread
         * out; at the latest when its token expires): the client reconnects with Last-Event-ID and resumes.
         */
        @WithDefault("PT30M")
        Duration maxLifetime();

        /** Share of {@link #maxLifetime()} by which a stream may end earlier, at random (0 to 1). */
        @WithDefault("0.1")
        double lifetimeSpread();

        /** The SSE {@code retry:}: how long a client waits before it reconnects. */
        @WithDefault("PT3S")
        Duration reconnectAfter();

        /**
         * A stream with more than this many bytes waiting to be sent for longer than {@link #slowClientGrace()} is cut
         * off: a slow client never holds up the others.
         */
        @WithDefault("262144")
        int maxQueuedBytes();

        @WithDefault("PT10S")
        Duration slowClientGrace();

        @WithDefault("PT0.5S")
        Duration pollTimeout();

        /**
         * The live reader's fetches (Kafka's fetch.min.bytes and fetch.max.wait.ms, set here so that consumer
         * settings tuned for throughput elsewhere never delay the live streams): the broker answers as soon as this
         * many bytes are there, else after the wait; an event is read the moment it is written either way.
         */
        LiveFetch liveFetch();

        /** Topics or partitions created after the gateway started are picked up this often. */
        @WithDefault("PT10S")
        Duration discoverEvery();

        /** Topics streamed to clients (not the dead-letter topics). */
        @WithDefault("allocation-events,report-events,indicator-events")
        List<String> topics();

        /** Recent events kept in memory, from which reconnecting clients resume. */
        Buffer buffer();

        /** Reads from Kafka for clients that resume from a position older than the buffer. */
        CatchUp catchUp();

        interface Buffer {
            @WithDefault("4096")
            int maxEvents();

            @WithDefault("16777216")
            long maxBytes();
        }

        interface LiveFetch {
            @WithDefault("1")
            int minBytes();

            @WithDefault("PT0.5S")
            Duration maxWait();
        }

        interface CatchUp {
            /** Catch-up reads at once (each with a Kafka consumer of its own). */
            @WithDefault("4")
            int concurrency();

            /** Catch-up reads waiting for their turn; beyond, 503 with Retry-After. */
            @WithDefault("64")
            int queue();
        }
    }

    /** The yearly follow-up document (followup.FollowUpResource). */
    interface FollowUp {
        /** Each call to a service for the document waits this long; then the document is not built (503). */
        @WithDefault("PT5S")
        Duration timeout();

        /** A built document is served at most this long, then rebuilt; events drop it sooner. */
        @WithDefault("PT10M")
        Duration maxAge();

        /** Documents (years) kept at once; the least recently built goes first. */
        @WithDefault("10")
        int maxYears();

        /** Group pairs whose gaps section 6 shows where both are loaded, as A:B. */
        @WithDefault("BORN_SWEDEN:BORN_ABROAD,EDU_HIGHER:EDU_PRIMARY,FIRST_BIRTH:LATER_BIRTH")
        List<String> groupPairs();

        /** Retry-After of a 503 while a service the document needs cannot be asked. */
        @WithDefault("PT5S")
        Duration retryAfter();

        /** "Regions that put more than this share on a focus area" (section 3), in percent. */
        @WithDefault("25")
        int largeSharePercent();
    }

    interface ResponseCache {
        /** Off: every GET goes to its service (the bench's "before"). */
        boolean enabled();

        /** All stored answers together (bodies, headers and keys) stay below this. */
        long maxBytes();

        /** A larger answer (or one without Content-Length) passes through unstored. */
        long maxEntryBytes();
    }

    interface RateLimit {
        double requestsPerSecond();

        double burst();
    }

    interface Upstream {
        URI url();

        /**
         * The service's management interface (its OpenAPI document, health, metrics), which is not on its API port;
         * the same as {@link #url()} when not set.
         */
        Optional<URI> managementUrl();

        /** The largest body the service takes: larger ones are refused by the gateway (413). Default: maxBodyBytes. */
        Optional<Long> maxBodyBytes();
    }

    interface CircuitBreakerConfig {
        @WithDefault("5")
        int failureThreshold();

        @WithDefault("PT10S")
        Duration openFor();
    }

    /** The dashboard's pages (pages.PageRoutes). */
    interface Pages {
        /**
         * Sent with every page and asset: scripts, styles, images and API calls only from this origin, nothing
         * inline, no framing.
         */
        @WithDefault("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                + "font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
        String contentSecurityPolicy();

        /** How long a browser may keep an asset fetched by its fingerprinted URL (a new build has new URLs). */
        @WithDefault("P365D")
        Duration assetMaxAge();
    }
}
