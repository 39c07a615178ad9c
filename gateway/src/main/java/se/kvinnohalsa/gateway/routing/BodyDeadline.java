package se.kvinnohalsa.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * A client's request body on its way to a service, cut off when the client has not sent it whole within the deadline:
 * the stream then fails, which makes the proxy drop the exchange with the service, and the gateway answers 408 (see
 * {@link ExchangeFailure}). Slow or stalled senders are the client's problem, not the service's.
 */
final class BodyDeadline implements ReadStream<Buffer> {

    /** The failure the stream ends with when the deadline passes. */
    static final class BodyTimeoutException extends TimeoutException {
        BodyTimeoutException(Duration deadline) {
            super("the request body was not received whole within " + deadline);
        }
    }

    private final Vertx vertx;
    private final ReadStream<Buffer> body;
    private final Duration deadline;
    private final long timer;
    private Handler<Throwable> exceptionHandler;
    private boolean ended;
    private boolean expired;

    BodyDeadline(Vertx vertx, ReadStream<Buffer> body, Duration deadline) {
        this.vertx = vertx;
        this.body = body;
        this.deadline = deadline;
        this.timer = vertx.setTimer(Math.max(1, deadline.toMillis()), id -> expire());
    }

    /** True when the client did not send the body in time (and the exchange was cut off for that). */
    boolean expired() {
        return expired;
    }

    private void expire() {
        if (ended) {
            return;
        }
        expired = true;
        Handler<Throwable> handler = exceptionHandler;
        if (handler != null) {
            handler.handle(new BodyTimeoutException(deadline));
        }
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        exceptionHandler = handler;
        body.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        body.handler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        body.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        body.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        body.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> handler) {
        body.endHandler(handler == null ? null : v -> {
            ended = true;
            vertx.cancelTimer(timer);
            if (!expired) {
                handler.handle(v);
            }
        });
        return this;
    }
}
