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
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shared chunks written straight to the socket, on a real Vert.x server and a plain socket client: the order and the
 * chunked framing hold whether a write goes to the socket, is taken only in part, or has to queue behind what waits
 * in Netty (Vert.x' own unflushed head, a write through Vert.x, a client that does not read for a while).
 */
class StreamConnectionTest {

    private static final int BLOCKS = 40;
    private static final int BLOCK_BYTES = 64 * 1024;
    private static final int LATER_BLOCKS = 10;
    private static final long LATER_SPACING_MILLIS = 20;
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
        AtomicInteger straight = new AtomicInteger();
        AtomicInteger queued = new AtomicInteger();
        CompletableFuture<Boolean> toSocket = new CompletableFuture<>();
        int port = listen(request -> stream(request, toSocket, straight, queued));

        String body;
        try (Socket client = new Socket()) {
            client.setReceiveBufferSize(SMALL_BUFFER);
            client.connect(new InetSocketAddress("127.0.0.1", port));
            client.getOutputStream().write("GET /events HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            Thread.sleep(500); // reads nothing for a while: the socket takes only part of a chunk, the rest queues
            body = readChunkedBody(client.getInputStream());
        }

        assertTrue(toSocket.get(TIMEOUT_SECONDS, TimeUnit.SECONDS), "a plain HTTP/1.1 connection writes to the socket");
        assertEquals(expectedBody(), body);
        assertTrue(queued.get() > 0, "some chunks had to wait behind what was queued in Netty");
        assertTrue(straight.get() > 0, "some went straight to the socket once nothing waited");
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

    /**
     * Vert.x' head and a first line (not flushed yet: the request is still being read), blocks that overflow the
     * small send buffer, one write through Vert.x among them, and once the client reads, short blocks a while apart.
     */
    private void stream(HttpServerRequest request, CompletableFuture<Boolean> toSocket, AtomicInteger straight,
            AtomicInteger queued) {
        request.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
        request.response().write("head\n");
        StreamConnection connection = StreamConnection.of(request);
        toSocket.complete(connection.writesToSocket());
        io.netty.channel.Channel channel = ((ConnectionBase) request.connection()).channel();
        for (int i = 0; i < BLOCKS; i++) {
            count(channel, straight, queued);
            connection.write(SharedText.of(block(i)));
            if (i == BLOCKS / 2) {
                connection.write(Buffer.buffer("through vertx\n"));
            }
        }
        AtomicInteger later = new AtomicInteger();
        connection.onceDrained(() -> vertx.setPeriodic(LATER_SPACING_MILLIS, timer -> {
            int i = later.getAndIncrement();
            if (i < LATER_BLOCKS) {
                count(channel, straight, queued);
                connection.write(SharedText.of("later " + i + "\n"));
            } else {
                vertx.cancelTimer(timer);
                connection.end();
            }
        }));
    }

    private static void count(io.netty.channel.Channel channel, AtomicInteger straight, AtomicInteger queued) {
        var outbound = channel.unsafe().outboundBuffer();
        (outbound != null && outbound.totalPendingWriteBytes() == 0 ? straight : queued).incrementAndGet();
    }

    private static String block(int i) {
        String line = "block " + i + " ";
        return line + "x".repeat(BLOCK_BYTES - line.length() - 1) + "\n";
    }

    private static String expectedBody() {
        StringBuilder body = new StringBuilder("head\n");
        for (int i = 0; i < BLOCKS; i++) {
            body.append(block(i));
            if (i == BLOCKS / 2) {
                body.append("through vertx\n");
            }
        }
        for (int i = 0; i < LATER_BLOCKS; i++) {
            body.append("later ").append(i).append('\n');
        }
        return body.toString();
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
