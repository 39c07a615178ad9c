package se.kvinnohalsa.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import se.kvinnohalsa.stack.InfrastructureTestResource;
import se.kvinnohalsa.stack.Ports;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real HTTP upstreams for the gateway's tests. "allocation" and "indicators" echo what they receive (method, path,
 * headers, body) and can answer slowly, stream a large body or die mid-stream; asked for JSON (as the gateway's own
 * calls ask) on a path of {@link ContractFixtures}, they answer what the real service's contract says. "reporting"
 * is a port where nothing listens. Also the real JWT keys and Kafka broker of the shared test infrastructure.
 */
public class StubUpstreams implements QuarkusTestResourceLifecycleManager {

    public static final int LARGE_BODY_BYTES = 5 * 1024 * 1024;
    private static final long SLOW_MS = 5_000;
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        // The real Kafka broker and JWT keys; the gateway has no database.
        Map<String, String> config = new HashMap<>(InfrastructureTestResource.withoutDatabase());
        config.put("gateway.upstream.allocation.url", "http://127.0.0.1:" + echo("allocation"));
        config.put("gateway.upstream.indicators.url", "http://127.0.0.1:" + echo("indicators"));
        config.put("gateway.upstream.reporting.url", "http://127.0.0.1:" + Ports.free());
        // A stub serves its management paths (/q/openapi) on the same port.
        for (String name : new String[]{"allocation", "indicators", "reporting"}) {
            config.put("gateway.upstream." + name + ".management-url", config.get("gateway.upstream." + name + ".url"));
        }
        return config;
    }

    private int echo(String name) {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body()
                .onSuccess(body -> answer(name, request, body)));
        try {
            return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                    .actualPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void answer(String name, HttpServerRequest request, Buffer body) {
        String path = request.path();
        String accept = request.getHeader("Accept");
        ContractFixtures.Reply fixture = "application/json".equals(accept)
                ? ContractFixtures.reply(name, request.uri())
                : null;
        if (fixture != null) {
            long delay = fixture.slow() ? SLOW_MS : 1;
            vertx.setTimer(delay, t -> request.response().setStatusCode(fixture.status())
                    .putHeader("Content-Type",
                            fixture.status() >= 400 ? "application/problem+json" : "application/json")
                    .end(fixture.body()));
            return;
        }
        if (path.contains("/cache-test/")) {
            CacheTestAnswers.answer(request);
            return;
        }
        if (path.endsWith("/slow")) {
            vertx.setTimer(SLOW_MS, t -> request.response().end("{\"late\": true}"));
            return;
        }
        if (path.endsWith("/large")) {
            request.response().setChunked(true).putHeader("Content-Type", "application/octet-stream");
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            for (int written = 0; written < LARGE_BODY_BYTES; written += chunk.length) {
                request.response().write(Buffer.buffer(chunk));
            }
            request.response().end();
            return;
        }
        if (path.endsWith("/not-modified")) {
            // As the services answer a matching If-None-Match: 304, no body, no Content-Length.
            request.response().setStatusCode(304).putHeader("ETag", "\"v1\"").putHeader("Cache-Control", "max-age=30")
                    .end();
            return;
        }
        if (path.endsWith("/no-content")) {
            request.response().setStatusCode(204).end();
            return;
        }
        if (path.endsWith("/dies")) {
            request.response().setChunked(true).write("{\"partial\": ");
            vertx.setTimer(200, t -> request.connection().close());
            return;
        }
        JsonObject headers = new JsonObject();
        request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
        request.response().setStatusCode(path.endsWith("/created") ? 201 : 200)
                .putHeader("Content-Type", "application/json").putHeader("X-Upstream", name)
                .end(new JsonObject().put("method", request.method().name()).put("path", request.uri())
                        .put("headers", headers).put("body", body.toString()).encode());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
