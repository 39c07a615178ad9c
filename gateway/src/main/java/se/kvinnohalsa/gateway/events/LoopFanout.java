package se.kvinnohalsa.gateway.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Context;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The event streams of one event loop. The gateway's Kafka reader hands each batch to every loop once; the loop
 * writes it to its streams, so no stream has a thread or a timer of its own, and no write waits for a client. A
 * stream whose client leaves more than the bound unread for longer than the grace period is cut off (a burst that a
 * client takes in a moment is not a reason). A periodic tick sends heartbeats to quiet streams and ends those whose
 * lifetime is over. Everything but {@link #offer(Batch)} runs on the loop's thread.
 */
final class LoopFanout {

    /** Ticks per heartbeat interval; a stream quiet for this many ticks gets a heartbeat. */
    static final int TICKS_PER_HEARTBEAT = 2;
    private static final int QUIET_TICKS = TICKS_PER_HEARTBEAT + 1;

    /** What the loop needs from the rest of the event stream. */
    record Settings(Clock clock, long reconnectMillis, int replayChunkBytes, long slowClientGraceMillis,
            Counter slowClients, Counter lifetimeEnds) {
    }

    interface CatchUp {
        /** Starts a catch-up read for the stream from the position; false when none can start now. */
        boolean start(Subscriber subscriber, EventCursor from);
    }

    private final Context context;
    private final RecentEvents recent;
    private final CatchUp catchUp;
    private final Settings settings;
    /**
     * The loop's streams, each knowing its place, so that one leaves by swapping with the last; visited from the last
     * to the first, so that a stream leaving during a visit (cut off, or its write failed) moves only a visited one.
     */
    private final List<Subscriber> subscribers = new ArrayList<>();
    private final Queue<Batch> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private long tick;

    LoopFanout(Context context, RecentEvents recent, CatchUp catchUp, Settings settings) {
        this.context = context;
        this.recent = recent;
        this.catchUp = catchUp;
        this.settings = settings;
    }

    Context context() {
        return context;
    }

    long tick() {
        return tick;
    }

    /**
     * From the Kafka reader's thread: the batch goes to this loop's live streams, in the order offered. Batches that
     * arrive while the loop is still busy are sent together, one write per stream: the busier the loop, the fewer
     * writes per event.
     */
    void offer(Batch batch) {
        pending.add(batch);
        if (drainScheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> drain());
        }
    }

    private void drain() {
        drainScheduled.set(false); // an offer from now on schedules another drain
        List<Batch> batches = new ArrayList<>();
        for (Batch batch = pending.poll(); batch != null; batch = pending.poll()) {
            batches.add(batch);
        }
        if (!batches.isEmpty()) {
            deliver(batches.size() == 1 ? batches.get(0) : Batch.merge(batches));
        }
    }

    void add(Subscriber subscriber) {
        subscriber.place = subscribers.size();
        subscribers.add(subscriber);
        subscriber.lastWriteTick = tick;
    }

    void remove(Subscriber subscriber) {
        int place = subscriber.place;
        if (place < 0 || place >= subscribers.size() || subscribers.get(place) != subscriber) {
            return;
        }
        Subscriber last = subscribers.remove(subscribers.size() - 1);
        if (last != subscriber) {
            subscribers.set(place, last);
            last.place = place;
        }
        subscriber.place = -1;
    }

    int size() {
        return subscribers.size();
    }

    /** A new stream: a ready message with the gateway's position, then every event from there on. */
    void startLive(Subscriber subscriber) {
        RecentEvents.Snapshot now = recent.snapshot(null);
        subscriber.write(SseMessages.event(now.start().toString(), "ready", readyData(subscriber, false)));
        subscriber.nextSeq = now.lastSeq() + 1;
        subscriber.cursor = null;
        subscriber.state = Subscriber.State.LIVE;
    }

    static String readyData(Subscriber subscriber, boolean resumed) {
        return JsonNodeFactory.instance.objectNode().put("resumed", resumed)
                .put("audience", subscriber.audience.name()).toString();
    }

    /**
     * A stream resuming at {@code from}: from the buffer when it still holds everything after it, else by a catch-up
     * read; when no catch-up read can start, the stream ends and the client comes back after the retry interval.
     */
    void resume(Subscriber subscriber, EventCursor from) {
        if (!replay(subscriber, from) && !catchUp.start(subscriber, from)) {
            end(subscriber);
        }
    }

    /**
     * Sends the stream what it missed from the buffer, in chunks, waiting for the client to take them, then makes it
     * live. False (nothing sent) when the buffer no longer holds everything after {@code from}.
     */
    boolean replay(Subscriber subscriber, EventCursor from) {
        if (subscriber.ended()) {
            return true;
        }
        RecentEvents.Snapshot snapshot = recent.snapshot(from);
        if (snapshot == null) {
            return false;
        }
        subscriber.state = Subscriber.State.REPLAYING;
        EventCursor cursor = snapshot.start();
        StringBuilder text = new StringBuilder();
        for (StreamedEvent event : snapshot.events()) {
            cursor = cursor.after(event.partition(), event.offset());
            text.append(event.content().message(cursor.toString(), subscriber.audience));
            if (text.length() >= settings.replayChunkBytes()) {
                subscriber.write(text.toString());
                text.setLength(0);
                if (subscriber.queueFull()) {
                    continueWhenDrained(subscriber, cursor);
                    return true;
                }
            }
        }
        if (!text.isEmpty()) {
            subscriber.write(text.toString());
        }
        if (subscriber.queueFull()) {
            continueWhenDrained(subscriber, cursor);
            return true;
        }
        subscriber.nextSeq = snapshot.lastSeq() + 1;
        subscriber.cursor = cursor.equals(snapshot.position()) ? null : cursor;
        subscriber.state = Subscriber.State.LIVE;
        return true;
    }

    private void continueWhenDrained(Subscriber subscriber, EventCursor at) {
        subscriber.connection.onceDrained(() -> resume(subscriber, at));
    }

    void deliver(Batch batch) {
        long now = settings.clock().millis();
        // Streams of one audience mostly come in a row (most are public): its text is looked up once per run of them.
        Audience audience = null;
        SharedText text = null;
        for (int i = subscribers.size() - 1; i >= 0; i--) {
            if (i >= subscribers.size()) {
                continue; // more than the visited one left meanwhile
            }
            Subscriber subscriber = subscribers.get(i);
            if (subscriber.state == Subscriber.State.LIVE && !tooSlow(subscriber, now)) {
                if (subscriber.audience != audience && !subscriber.audience.equals(audience)) {
                    audience = subscriber.audience;
                    text = batch.messages(audience);
                }
                subscriber.deliver(batch, text);
            }
        }
    }

    /** Notes when a live stream's queue went over the bound, and cuts it off once that has lasted the grace. */
    private boolean tooSlow(Subscriber subscriber, long now) {
        if (subscriber.fullSince == 0) {
            if (subscriber.queueFull()) {
                subscriber.fullSince = now;
                subscriber.connection.onceDrained(() -> subscriber.fullSince = 0);
            }
            return false;
        }
        if (now - subscriber.fullSince >= settings.slowClientGraceMillis()) {
            cut(subscriber);
            return true;
        }
        return false;
    }

    /** Every heartbeat interval / TICKS_PER_HEARTBEAT: heartbeats for quiet streams; streams past their lifetime end. */
    void onTick() {
        tick++;
        long now = settings.clock().millis();
        SharedText heartbeat = null;
        for (int i = subscribers.size() - 1; i >= 0; i--) {
            if (i >= subscribers.size()) {
                continue; // more than the visited one left meanwhile
            }
            Subscriber subscriber = subscribers.get(i);
            if (now >= subscriber.endsAt) {
                settings.lifetimeEnds().increment();
                end(subscriber);
            } else if (subscriber.state == Subscriber.State.LIVE && tooSlow(subscriber, now)) {
                continue;
            } else if (tick - subscriber.lastWriteTick >= QUIET_TICKS && !subscriber.queueFull()) {
                if (heartbeat == null) {
                    heartbeat = SharedText.of(SseMessages.comment("heartbeat " + settings.clock().instant()));
                }
                subscriber.write(heartbeat);
            }
        }
    }

    /** Ends the stream cleanly: the client reconnects after the retry interval, with Last-Event-ID. */
    void end(Subscriber subscriber) {
        if (subscriber.ended()) {
            return;
        }
        subscriber.write(SseMessages.retry(settings.reconnectMillis()));
        subscriber.finish();
        subscriber.connection.end();
        // A client that does not read keeps the end queued, and its connection open, for ever: not past the grace.
        context.owner().setTimer(Math.max(1, settings.slowClientGraceMillis()),
                id -> subscriber.connection.closeIfStillOpen());
    }

    /** Cuts off a client that does not keep up: its connection is closed, it reconnects and resumes. */
    void cut(Subscriber subscriber) {
        if (subscriber.ended()) {
            return;
        }
        settings.slowClients().increment();
        subscriber.finish();
        subscriber.connection.abort();
    }
}
