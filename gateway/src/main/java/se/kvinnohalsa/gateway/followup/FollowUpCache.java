package se.kvinnohalsa.gateway.followup;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The built follow-up per year, with each format rendered once. A year is built by one caller while the others wait
 * for the same build; a build fails for everyone waiting and is not kept. A document is dropped when an event says
 * something under it changed ({@link #invalidate}) and is rebuilt after {@code maxAge} at the latest, so it stays
 * right even without events. A build that was under way when its year was dropped still answers those who were
 * waiting for it but is not kept. At most {@code maxYears} years are kept; the one built longest ago goes first.
 */
public final class FollowUpCache {

    private static final int ETAG_HEX_CHARS = 32;

    /** One format of a built document; the ETag is a hash of its bytes, so unchanged data keeps it. */
    public record Document(Format format, byte[] bytes, String etag) {
    }

    /** A year's document: the model and its formats as far as asked for. */
    public static final class Built {
        private final FollowUpReport report;
        private final Instant expires;
        private final Map<Format, Document> documents = new ConcurrentHashMap<>();

        Built(FollowUpReport report, Instant expires) {
            this.report = report;
            this.expires = expires;
        }

        public FollowUpReport report() {
            return report;
        }

        /** The format's bytes, rendered on the first call (blocking: call it off the event loop). */
        public Document document(Format format, Function<Format, byte[]> render) {
            return documents.computeIfAbsent(format, f -> {
                byte[] bytes = render.apply(f);
                return new Document(f, bytes, etag(bytes));
            });
        }
    }

    private final Clock clock;
    private final Duration maxAge;
    private final int maxYears;
    private final Map<Integer, CompletableFuture<Built>> years;

    public FollowUpCache(Clock clock, Duration maxAge, int maxYears) {
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxYears = maxYears;
        this.years = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, CompletableFuture<Built>> eldest) {
                return size() > FollowUpCache.this.maxYears;
            }
        };
    }

    /** The year's document: the kept one while it is fresh, the build under way if there is one, else a new build. */
    public synchronized CompletionStage<Built> get(int year, Supplier<CompletionStage<FollowUpReport>> build) {
        CompletableFuture<Built> current = years.get(year);
        if (current != null && (!current.isDone() || fresh(current))) {
            return current;
        }
        CompletableFuture<Built> building = new CompletableFuture<>();
        years.remove(year);
        years.put(year, building);
        CompletionStage<FollowUpReport> started;
        try {
            started = build.get();
        } catch (RuntimeException e) {
            started = CompletableFuture.failedFuture(e);
        }
        started.whenComplete((report, failure) -> {
            if (failure != null) {
                forget(year, building);
                building.completeExceptionally(failure);
            } else {
                building.complete(new Built(report, clock.instant().plus(maxAge)));
            }
        });
        return building;
    }

    /** Something under the year's document changed: the next request builds it anew. */
    public synchronized void invalidate(int year) {
        years.remove(year);
    }

    public synchronized void invalidateAll() {
        years.clear();
    }

    /** Years kept or being built. */
    public synchronized int size() {
        return years.size();
    }

    private synchronized void forget(int year, CompletableFuture<Built> build) {
        years.remove(year, build);
    }

    private boolean fresh(CompletableFuture<Built> done) {
        return !done.isCompletedExceptionally() && done.join().expires.isAfter(clock.instant());
    }

    static String etag(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(hash).substring(0, ETAG_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
