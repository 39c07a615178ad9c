package se.kvinnohalsa.gateway.routing;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** problem+json answers from the gateway's own Vert.x routes (RFC 9457), with the request id. */
public final class Problems {

    public static final String PROBLEM_JSON = "application/problem+json";

    private Problems() {
    }

    public static JsonObject body(int status, String title, String detail, String instance, String requestId) {
        JsonObject problem = new JsonObject().put("status", status).put("title", title).put("detail", detail)
                .put("instance", instance);
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        return problem;
    }

    public static void send(RoutingContext routing, int status, String title, String detail) {
        if (routing.response().headWritten()) {
            routing.response().reset();
            return;
        }
        routing.response().setStatusCode(status).putHeader("Content-Type", PROBLEM_JSON)
                .end(body(status, title, detail, routing.request().path(),
                        routing.request().getHeader("X-Request-Id")).encode());
    }
}
