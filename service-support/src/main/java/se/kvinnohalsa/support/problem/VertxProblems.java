package se.kvinnohalsa.support.problem;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import se.kvinnohalsa.support.requestid.RequestIds;

import java.util.Map;

/** problem+json answers from Vert.x routes and filters, in the same shape as the REST layer's. */
public final class VertxProblems {

    /** The problem's instance names the path; a path longer than this (a 414) is cut. */
    private static final int MAX_INSTANCE_LENGTH = 200;

    private VertxProblems() {
    }

    public static void send(RoutingContext routing, int status, String detail) {
        send(routing, status, detail, Map.of());
    }

    /** Sends status, title (the status' reason phrase), detail, instance and request id, plus any extra members. */
    public static void send(RoutingContext routing, int status, String detail, Map<String, Object> extra) {
        if (routing.response().headWritten()) {
            // Too late for another answer: the client sees the connection end instead of a truncated body.
            routing.response().reset();
            return;
        }
        String path = String.valueOf(routing.request().path());
        JsonObject problem = new JsonObject().put("status", status)
                .put("title", HttpResponseStatus.valueOf(status).reasonPhrase()).put("detail", detail)
                .put("instance", path.length() > MAX_INSTANCE_LENGTH
                        ? path.substring(0, MAX_INSTANCE_LENGTH) + "..."
                        : path);
        String requestId = routing.request().getHeader(RequestIds.HTTP_HEADER);
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        extra.forEach(problem::put);
        routing.response().setStatusCode(status).putHeader("Content-Type", SecurityProblems.PROBLEM_JSON)
                .end(problem.encode());
    }
}
