package se.kvinnohalsa.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

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

    interface RateLimit {
        double requestsPerSecond();

        double burst();
    }

    interface Upstream {
        URI url();
    }

    interface CircuitBreakerConfig {
        @WithDefault("5")
        int failureThreshold();

        @WithDefault("PT10S")
        Duration openFor();
    }
}
