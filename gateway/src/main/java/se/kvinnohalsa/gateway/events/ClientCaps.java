package se.kvinnohalsa.gateway.events;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many event streams are open, per client (token subject, else address) and in all: one client cannot take the
 * stream from everyone. Thread-safe; a client with no stream open is forgotten.
 */
final class ClientCaps {

    enum Admission {
        OPEN, CLIENT_FULL, SERVER_FULL
    }

    private final int perClient;
    private final int total;
    private final ConcurrentMap<String, Integer> open = new ConcurrentHashMap<>();
    private final AtomicInteger all = new AtomicInteger();

    ClientCaps(int perClient, int total) {
        if (perClient < 1 || total < 1) {
            throw new IllegalArgumentException("caps must allow at least one stream");
        }
        this.perClient = perClient;
        this.total = total;
    }

    /** Counts a new stream of the client, if both caps allow it; else says which does not. */
    Admission tryOpen(String client) {
        if (all.incrementAndGet() > total) {
            all.decrementAndGet();
            return Admission.SERVER_FULL;
        }
        boolean[] admitted = {false};
        open.compute(client, (c, streams) -> {
            int now = streams == null ? 0 : streams;
            admitted[0] = now < perClient;
            return admitted[0] ? now + 1 : streams;
        });
        if (!admitted[0]) {
            all.decrementAndGet();
            return Admission.CLIENT_FULL;
        }
        return Admission.OPEN;
    }

    /** A stream of the client ended (once per stream that was admitted). */
    void close(String client) {
        open.computeIfPresent(client, (c, streams) -> streams <= 1 ? null : streams - 1);
        all.decrementAndGet();
    }

    int open() {
        return all.get();
    }

    int open(String client) {
        return open.getOrDefault(client, 0);
    }
}
