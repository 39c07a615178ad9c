package se.kvinnohalsa.gateway.upstream;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.kvinnohalsa.gateway.routing.GatewayConfig;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The gateway's own calls to the services (the overview, the merged OpenAPI): GET with a deadline, the caller's
 * request id passed on. Failures (refused, timed out) come back as a failed Uni for the caller to turn into
 * "unavailable".
 */
@ApplicationScoped
public class UpstreamClient {

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    private HttpClient client;

    @PostConstruct
    void init() {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(config.upstreamCalls().maxConnections()));
    }

    /** GET {@code pathAndQuery} from the named upstream (allocation, reporting, indicators). */
    public Uni<Reply> get(String upstream, String pathAndQuery, Duration timeout, String requestId) {
        URI base = config.upstream().get(upstream).url();
        return get(base.resolve(pathAndQuery), timeout, requestId);
    }

    /** GET {@code pathAndQuery} from the named upstream's management interface (e.g. its OpenAPI document). */
    public Uni<Reply> getManagement(String upstream, String pathAndQuery, Duration timeout) {
        GatewayConfig.Upstream service = config.upstream().get(upstream);
        return get(service.managementUrl().orElse(service.url()).resolve(pathAndQuery), timeout, null);
    }

    public Uni<Reply> get(URI uri, Duration timeout, String requestId) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(uri.toString())
                .setIdleTimeout(timeout.toMillis()).putHeader("Accept", "application/json");
        if (requestId != null) {
            options.putHeader("X-Request-Id", requestId);
        }
        Future<Reply> reply = client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> new Reply(response.statusCode(), body)));
        return Uni.createFrom().completionStage(reply.toCompletionStage())
                .ifNoItem().after(timeout)
                .failWith(() -> new TimeoutException("no answer from " + uri + " within " + timeout));
    }

    /** Vert.x reports its idle timeout as an exception of its own whose message says so. */
    public static boolean isTimeout(Throwable failure) {
        return failure instanceof TimeoutException || String.valueOf(failure.getMessage()).contains("timeout period");
    }

    /** A service's answer: status and body. */
    public record Reply(int status, Buffer body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }
}
