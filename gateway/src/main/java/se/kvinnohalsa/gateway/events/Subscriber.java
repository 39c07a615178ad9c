package se.kvinnohalsa.gateway.events;

import io.vertx.core.buffer.Buffer;

import java.util.concurrent.CompletableFuture;

/**
 * One open event stream. Lives on the event loop of its connection ({@link LoopFanout}); only that thread touches
 * it (a catch-up read hands its writes to that thread).
 */
final class Subscriber {

    enum State {
        /** Reading from Kafka: its position is older than the gateway's buffer. */
        CATCHING_UP,
        /** Being sent what it missed from the gateway's buffer. */
        REPLAYING,
        /** Getting every event as the gateway reads it. */
        LIVE, ENDED
    }

    final StreamConnection connection;
    final Audience audience;
    final LoopFanout loop;
    /** When it ends (epoch milliseconds): its lifetime, or its token's expiry. */
    final long endsAt;
    private final Runnable onEnd;

    /** Volatile: a catch-up read looks at it from its own thread to stop early. */
    volatile State state = State.REPLAYING;
    /** The first of the gateway's sequence numbers it has not been given yet (while live). */
    long nextSeq;
    /** Its own position while it differs from the gateway's (a resumed stream); null once it is the gateway's. */
    EventCursor cursor;
    long lastWriteTick;
    /** Its place among its loop's streams; -1 once it has left. */
    int place = -1;
    /** Since when (epoch milliseconds) more than the bound has been waiting to be sent; 0 when not. */
    long fullSince;
    /** A catch-up read waiting for the client to read: completed with false if the stream ends meanwhile. */
    CompletableFuture<Boolean> awaitingRoom;

    Subscriber(StreamConnection connection, Audience audience, LoopFanout loop, long endsAt, Runnable onEnd) {
        this.connection = connection;
        this.audience = audience;
        this.loop = loop;
        this.endsAt = endsAt;
        this.onEnd = onEnd;
    }

    boolean ended() {
        return state == State.ENDED;
    }

    void write(Buffer text) {
        if (!ended()) {
            connection.write(text);
            lastWriteTick = loop.tick();
        }
    }

    /** Text many streams get alike (a live batch, a heartbeat). */
    void write(SharedText text) {
        if (!ended()) {
            connection.write(text);
            lastWriteTick = loop.tick();
        }
    }

    void write(String text) {
        write(Buffer.buffer(text));
    }

    /** More is waiting to be sent to the client than the bound allows. */
    boolean queueFull() {
        return connection.queueFull();
    }

    /**
     * Sends the live batch: the shared text (the batch's messages for this stream's audience) when it follows the
     * gateway's order, else its own ids.
     */
    void deliver(Batch batch, SharedText shared) {
        if (cursor == null && nextSeq <= batch.firstSeq()) {
            write(shared);
            nextSeq = batch.lastSeq() + 1;
            return;
        }
        StringBuilder text = new StringBuilder();
        for (StreamedEvent event : batch.events()) {
            if (event.seq() < nextSeq) {
                continue;
            }
            nextSeq = event.seq() + 1;
            if (cursor == null) {
                text.append(event.message(audience));
                continue;
            }
            Long next = cursor.next().get(event.partition());
            if (next != null && event.offset() < next) {
                continue; // it got this one already, from a catch-up read ahead of the gateway
            }
            cursor = cursor.after(event.partition(), event.offset());
            text.append(event.content().message(cursor.toString(), audience));
            if (cursor.equals(event.after())) {
                cursor = null;
            }
        }
        if (!text.isEmpty()) {
            write(text.toString());
        }
    }

    /** Once: the stream is over (ended, cut off or closed by the client). */
    void finish() {
        if (ended()) {
            return;
        }
        state = State.ENDED;
        loop.remove(this);
        if (awaitingRoom != null) {
            awaitingRoom.complete(false);
        }
        onEnd.run();
    }
}
