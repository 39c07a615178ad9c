package se.kvinnohalsa.stack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An anonymous client of the gateway's live stream (/api/v1/events), as a dashboard is: notes when each event of one
 * type and subject arrives (System.nanoTime), for P5.
 */
final class LiveStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final String type;
    private final String subject;
    private volatile Stream<String> lines;

    private LiveStream(String type, String subject) {
        this.type = type;
        this.subject = subject;
    }

    /** Opens the stream and waits for its {@code ready} message. */
    static LiveStream open(HttpClient client, URI gateway, String type, String subject, Duration timeout)
            throws Exception {
        LiveStream stream = new LiveStream(type, subject);
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/events"))
                .header("Accept", "text/event-stream").build();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            if (response.statusCode() != 200) {
                stream.ready.completeExceptionally(new IOException("the live stream answered "
                        + response.statusCode()));
                return;
            }
            stream.lines = response.body();
            Thread reader = new Thread(() -> stream.read(response.body()), "bench-live-stream");
            reader.setDaemon(true);
            reader.start();
        }).exceptionally(failure -> {
            stream.ready.completeExceptionally(failure);
            return null;
        });
        stream.ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return stream;
    }

    private void read(Stream<String> body) {
        String event = null;
        try {
            for (String line : (Iterable<String>) body::iterator) {
                if (line.startsWith("event:")) {
                    event = line.substring("event:".length()).trim();
                    if (event.equals("ready")) {
                        ready.complete(null);
                    }
                } else if (line.startsWith("data:") && type.equals(event)) {
                    long now = System.nanoTime();
                    JsonNode data = JSON.readTree(line.substring("data:".length()).trim());
                    if (subject.equals(data.path("subject").asText())) {
                        arrivals.add(now);
                    }
                } else if (line.isEmpty()) {
                    event = null;
                }
            }
        } catch (IOException | RuntimeException e) {
            ready.completeExceptionally(e);
        }
    }

    /** The arrival time of the next matching event, or -1 when none came within the timeout. */
    long next(Duration timeout) throws InterruptedException {
        Long arrival = arrivals.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return arrival == null ? -1 : arrival;
    }

    void clear() {
        arrivals.clear();
    }

    @Override
    public void close() {
        Stream<String> body = lines;
        if (body != null) {
            body.close();
        }
    }
}
