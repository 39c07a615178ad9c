package se.kvinnohalsa.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A body larger than the service takes is refused by the gateway with 413 problem+json, also when it comes without
 * Content-Length (chunked): the bytes are counted as they stream through, and the one that would cross the limit is
 * not forwarded. So the service never sees more than it takes; were it left to refuse, it would close its
 * connection in the middle of the upload, which the proxy can only report as the service failing (502), and the
 * circuit breaker would count a client's oversized body against the service.
 */
final class BodyLimit implements ProxyInterceptor {

    private static final int CONTENT_TOO_LARGE = 413;
    private final long maxBytes;
    private final String service;

    BodyLimit(long maxBytes, String service) {
        this.maxBytes = maxBytes;
        this.service = service;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        Body body = context.request().getBody();
        if (body == null) {
            return context.sendRequest();
        }
        if (body.length() > maxBytes) {
            return Future.succeededFuture(tooLarge(context));
        }
        if (body.length() >= 0) {
            return context.sendRequest();
        }
        AtomicBoolean exceeded = new AtomicBoolean();
        context.request().setBody(Body.body(new Counted(body.stream(), maxBytes, exceeded), -1));
        return context.sendRequest().recover(failure -> exceeded.get()
                ? Future.succeededFuture(tooLarge(context))
                : Future.failedFuture(failure));
    }

    private ProxyResponse tooLarge(ProxyContext context) {
        String detail = "Request bodies to the " + service + " service are limited to " + maxBytes + " bytes";
        // The rest of the body is not read: the connection cannot carry another request.
        return context.request().response().setStatusCode(CONTENT_TOO_LARGE).setStatusMessage(null)
                .putHeader("Content-Type", Problems.PROBLEM_JSON).putHeader("Connection", "close")
                .setBody(Body.body(Buffer.buffer(Problems.body(CONTENT_TOO_LARGE, "Content Too Large", detail,
                        context.request().getURI(), context.request().headers().get("X-Request-Id")).encode())));
    }

    /** The client's body, counted; past the limit it stops and fails instead of passing the next bytes on. */
    static final class Counted implements ReadStream<Buffer> {
        private final ReadStream<Buffer> source;
        private final long maxBytes;
        private final AtomicBoolean exceeded;
        private Handler<Throwable> exceptionHandler;
        private long count;

        Counted(ReadStream<Buffer> source, long maxBytes, AtomicBoolean exceeded) {
            this.source = source;
            this.maxBytes = maxBytes;
            this.exceeded = exceeded;
        }

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            exceptionHandler = handler;
            source.exceptionHandler(handler);
            return this;
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> handler) {
            if (handler == null) {
                source.handler(null);
                return this;
            }
            source.handler(buffer -> {
                if (exceeded.get()) {
                    return;
                }
                count += buffer.length();
                if (count > maxBytes) {
                    exceeded.set(true);
                    source.pause();
                    if (exceptionHandler != null) {
                        exceptionHandler.handle(new IllegalStateException("the body is larger than " + maxBytes
                                + " bytes"));
                    }
                    return;
                }
                handler.handle(buffer);
            });
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            source.pause();
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            if (!exceeded.get()) {
                source.resume();
            }
            return this;
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            if (!exceeded.get()) {
                source.fetch(amount);
            }
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> handler) {
            source.endHandler(handler);
            return this;
        }
    }
}
