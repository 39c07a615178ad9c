package se.kvinnohalsa.support.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Limits on what a request may be and how a failed one is answered ({@code requests.*}); every service and the
 * gateway share these defaults. Past each limit the answer is problem+json (see {@link RequestChecks}).
 */
@ConfigMapping(prefix = "requests")
public interface RequestsConfig {

    /** Characters of the request target (path and query); longer is 414. */
    @WithDefault("8192")
    int maxUrlLength();

    /** Bytes of all header names and values together; more is 431. */
    @WithDefault("16384")
    int maxHeaderBytes();

    /** A declared Content-Length above this is 413 before anything is read. The service's own HTTP body limit. */
    @WithDefault("${quarkus.http.limits.max-body-size:10240K}")
    MemorySize maxBodySize();

    /** When the database is unavailable (503), clients are told to retry after this long. */
    @WithDefault("PT2S")
    Duration retryAfter();
}
