package se.kvinnohalsa.gateway.events;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.logging.LoggingHandler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shared chunks written straight to the socket, on a real Vert.x server and a plain socket client: the order and the
 * chunked framing hold whether a chunk goes to the socket whole, goes to it in part with the rest queued in Netty, or
 * has to queue behind what waits in Netty (Vert.x' own unflushed head, a write through Vert.x, a client that does not
 * read for a while).
 */
class StreamConnectionTest {

    private static final int BLOCKS = 40;
    private static final int BLOCK_BYTES = 64 * 1024;
    private static final int LATER_BLOCKS = 10;
    private static final int MAX_LATER_BLOCKS = 200;
    private static final long LATER_SPACING_MILLIS = 20;
    /** Far more than the send buffer (and the client's receive buffer) take at once. */
    private static final int LARGE_BYTES = 1024 * 1024;
    private static final int SMALL_BUFFER = 8 * 1024;
    private static final long TIMEOUT_SECONDS = 30;

    private Vertx vertx;
    private HttpServer server;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void theOrderAndTheFramingHoldWhetherAChunkGoesToTheSocketOrWaitsInNetty() throws Exception {
        CompletableFuture<Written> written = new CompletableFuture<>();
        int port = listen(request -> new Writer(request, written).start());

        String body;
        try (Socket client = new Socket()) {
            client.setReceiveBufferSize(SMALL_BUFFER);
            client.connect(new InetSocketAddress("127.0.0.1", port));
            client.getOutputStream().write("GET /events HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            Thread.sleep(500); // reads nothing for a while: what the socket does not take queues in Netty
            body = readChunkedBody(client.getInputStream());
        }

        Written server = written.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertTrue(server.toSocket(), "a plain HTTP/1.1 connection writes to the socket");
        assertEquals(server.text(), body, "what arrived is what was written, in its order");
        assertTrue(server.queued() > 0, "some chunks had to wait behind what was queued in Netty");
        assertTrue(server.straight() > 0, "some went straight to the socket once nothing waited");
        assertTrue(server.partly(), "a chunk larger than the socket takes went to it in part, the rest into Netty");
    }

    /** What the server wrote, in order, and by which way: straight to the socket (nothing waited) or behind a queue. */
    private record Written(String text, boolean toSocket, int straight, int queued, boolean partly) {
    }

    /**
     * On the connection's event loop: Vert.x' head and a first line (not flushed yet: the request is still being
     * read), blocks that overflow the small send buffer with one write through Vert.x among them, and once the client
     * reads, short blocks a while apart; the first time nothing waits in Netty among those, a block larger than the
     * socket takes at once.
     */
    private final class Writer {
        private final HttpServerRequest request;
        private final CompletableFuture<Written> done;
        private final StringBuilder text = new StringBuilder();
        private StreamConnection connection;
        private io.netty.channel.Channel channel;
        private int straight;
        private int queued;
        private boolean partly;
        private int later;

        Writer(HttpServerRequest request, CompletableFuture<Written> done) {
            this.request = request;
            this.done = done;
        }

        void start() {
            request.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
            request.response().write("head\n");
            text.append("head\n");
            connection = StreamConnection.of(request);
            channel = ((ConnectionBase) request.connection()).channel();
            for (int i = 0; i < BLOCKS; i++) {
                shared(block("block " + i, BLOCK_BYTES));
                if (i == BLOCKS / 2) {
                    connection.write(Buffer.buffer("through vertx\n"));
                    text.append("through vertx\n");
                }
            }
            connection.onceDrained(() -> vertx.setPeriodic(LATER_SPACING_MILLIS, this::later));
        }

        private void later(long timer) {
            if (!partly && nothingQueued() && later < MAX_LATER_BLOCKS) {
                shared(block("large", LARGE_BYTES));
                partly = !nothingQueued(); // the socket took what its small buffer could, Netty holds the rest
            } else if (later < LATER_BLOCKS || !partly && later < MAX_LATER_BLOCKS) {
                shared("later " + later + "\n");
            } else {
                vertx.cancelTimer(timer);
                connection.end();
                done.complete(new Written(text.toString(), connection.writesToSocket(), straight, queued, partly));
            }
            later++;
        }

        private void shared(String block) {
            if (nothingQueued()) {
                straight++;
            } else {
                queued++;
            }
            connection.write(SharedText.of(block));
            text.append(block);
        }

        private boolean nothingQueued() {
            var outbound = channel.unsafe().outboundBuffer();
            return outbound != null && outbound.totalPendingWriteBytes() == 0;
        }
    }

    @Test
    void notStraightToTheSocketWhenAHandlerBeneathTheEncoderHandlesWhatGoesOut() {
        EmbeddedChannel plain = new EmbeddedChannel(new HttpRequestDecoder(), new HttpResponseEncoder());
        HttpResponseEncoder encoder = plain.pipeline().get(HttpResponseEncoder.class);
        assertTrue(StreamConnection.onlyInboundBeneath(plain.pipeline(), encoder));

        EmbeddedChannel logged = new EmbeddedChannel(new LoggingHandler(), new HttpRequestDecoder(),
                new HttpResponseEncoder()); // as TLS or traffic shaping would be: they must see every byte
        assertFalse(StreamConnection.onlyInboundBeneath(logged.pipeline(),
                logged.pipeline().get(HttpResponseEncoder.class)));
        plain.finishAndReleaseAll();
        logged.finishAndReleaseAll();
    }

    private static String block(String name, int bytes) {
        return name + " " + "x".repeat(bytes - name.length() - 2) + "\n";
    }

    private int listen(io.vertx.core.Handler<HttpServerRequest> handler) throws Exception {
        server = vertx.createHttpServer(new HttpServerOptions().setSendBufferSize(SMALL_BUFFER))
                .requestHandler(handler);
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).actualPort();
    }

    /** The response's body, decoded from the chunked coding up to its last chunk (the status and headers skipped). */
    private static String readChunkedBody(InputStream in) throws IOException {
        String status = line(in);
        assertTrue(status.startsWith("HTTP/1.1 200"), status);
        while (!line(in).isEmpty()) {
            // headers
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line(in), 16); size > 0; size = Integer.parseInt(line(in), 16)) {
            body.write(in.readNBytes(size));
            assertEquals("", line(in), "a chunk ends with CRLF");
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("ended within a line: " + line);
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
