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

    CircuitBreakerConfig circuitBreaker();

    RateLimit rateLimit();

    /** Bodies larger than this are refused with 413. */
    long maxBodyBytes();

    /** The gateway's own calls to the services (overview, merged OpenAPI). */
    UpstreamCalls upstreamCalls();

    Overview overview();

    OpenApi openapi();

    Events events();

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

        /** Each stream reads Kafka with a consumer of its own; beyond this many streams, 503. */
        @WithDefault("50")
        int maxClients();

        @WithDefault("PT0.5S")
        Duration pollTimeout();

        /** Topics streamed to clients (not the dead-letter topics). */
        @WithDefault("allocation-events,report-events,indicator-events")
        List<String> topics();
    }

    interface RateLimit {
        double requestsPerSecond();

        double burst();
    }

    interface Upstream {
        URI url();

        /** The largest body the service takes: larger ones are refused by the gateway (413). Default: maxBodyBytes. */
        Optional<Long> maxBodyBytes();
    }

    interface CircuitBreakerConfig {
        @WithDefault("5")
        int failureThreshold();

        @WithDefault("PT10S")
        Duration openFor();
    }
}
