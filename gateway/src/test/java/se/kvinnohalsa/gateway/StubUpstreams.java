package se.kvinnohalsa.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import se.kvinnohalsa.stack.InfrastructureTestResource;
import se.kvinnohalsa.stack.Ports;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real HTTP upstreams for the gateway's tests: "allocation" echoes what it receives (method, path, headers, body)
 * and can answer slowly, stream a large body or die mid-stream; "reporting" is a port where nothing listens.
 * Also the real JWT keys and Kafka broker of the shared test infrastructure.
 */
public class StubUpstreams implements QuarkusTestResourceLifecycleManager {

    public static final int LARGE_BODY_BYTES = 5 * 1024 * 1024;
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer echo = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            String path = request.path();
            if (path.endsWith("/slow")) {
                vertx.setTimer(5_000, t -> request.response().end("{\"late\": true}"));
                return;
            }
            if (path.endsWith("/large")) {
                request.response().setChunked(true).putHeader("Content-Type", "application/octet-stream");
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) 'x');
                for (int written = 0; written < LARGE_BODY_BYTES; written += chunk.length) {
                    request.response().write(io.vertx.core.buffer.Buffer.buffer(chunk));
                }
                request.response().end();
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
                    .putHeader("Content-Type", "application/json").putHeader("X-Upstream", "allocation")
                    .end(new JsonObject().put("method", request.method().name()).put("path", request.uri())
                            .put("headers", headers).put("body", body.toString()).encode());
        }));
        try {
            echo.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> config = new HashMap<>(new InfrastructureTestResource().start());
        config.put("gateway.upstream.allocation.url", "http://127.0.0.1:" + echo.actualPort());
        config.put("gateway.upstream.indicators.url", "http://127.0.0.1:" + echo.actualPort());
        config.put("gateway.upstream.reporting.url", "http://127.0.0.1:" + Ports.free());
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
