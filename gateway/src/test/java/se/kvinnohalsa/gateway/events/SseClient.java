package se.kvinnohalsa.gateway.events;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Server-Sent Events client on a plain socket, for the tests: it can connect from a chosen local address (a
 * client's address is what the gateway caps anonymous streams by), shrink its receive buffer and not read at all (a
 * slow client), and it sees exactly what the gateway sends (retry lines, comments, the end of the stream).
 */
public final class SseClient implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int HEADER_TIMEOUT_MS = 20_000;

    /** One parsed SSE message: an event (id, event, data), a comment, or a retry field. */
    public record Message(String id, String event, String data, String comment, String retry) {
        public boolean isEvent() {
            return data != null;
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final int status;
    private final Map<String, String> headers;
    private final String body;
    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean endedCleanly;

    private SseClient(Socket socket, InputStream in, int status, Map<String, String> headers, String body) {
        this.socket = socket;
        this.in = in;
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /**
     * Opens a stream.
     *
     * @param localAddress the address to connect from (null: any)
     * @param receiveBuffer the socket's receive buffer in bytes (0: the system's)
     * @param read false for a client that reads nothing after the response headers until {@link #startReading()}
     */
    public static SseClient open(URI uri, Map<String, String> requestHeaders, String localAddress, int receiveBuffer,
            boolean read) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        if (localAddress != null) {
            socket.bind(new InetSocketAddress(localAddress, 0));
        }
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), CONNECT_TIMEOUT_MS);
        socket.setSoTimeout(HEADER_TIMEOUT_MS);
        StringBuilder request = new StringBuilder("GET ").append(uri.getRawPath())
                .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                .append("Accept: text/event-stream\r\n");
        requestHeaders.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        OutputStream out = socket.getOutputStream();
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        // Small reads: the status and headers only, so that a client that does not read leaves the rest unread.
        InputStream in = new BufferedInputStream(socket.getInputStream(), 256);
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        socket.setSoTimeout(0);
        String body = null;
        if (status != 200) {
            body = new String(fullBody(in, headers), StandardCharsets.UTF_8);
        }
        SseClient client = new SseClient(socket, in, status, headers, body);
        if (status == 200 && read) {
            client.startReading();
        }
        return client;
    }

    public static SseClient open(URI uri, Map<String, String> requestHeaders) throws IOException {
        return open(uri, requestHeaders, null, 0, true);
    }

    public int status() {
        return status;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The body of a refusal (not 200). */
    public String body() {
        return body;
    }

    /** Starts reading the stream (once), in a thread of its own. */
    public void startReading() {
        Thread reader = new Thread(this::read, "sse-client-" + socket.getLocalPort());
        reader.setDaemon(true);
        reader.start();
    }

    /** The next message matching, skipping others; fails after the timeout. */
    public Message next(Predicate<Message> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Message message = messages.poll(50, TimeUnit.MILLISECONDS);
            if (message != null && wanted.test(message)) {
                return message;
            }
        }
        throw new AssertionError("no such message within " + timeout + " (stream ended: " + hasEnded() + ")");
    }

    /** The next message already received, or null. */
    public Message poll() {
        return messages.poll();
    }

    public Message nextEvent(Predicate<Message> wanted, Duration timeout) throws InterruptedException {
        return next(m -> m.isEvent() && wanted.test(m), timeout);
    }

    /** Waits until the gateway ended the stream or closed the connection. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean hasEnded() {
        return ended.getCount() == 0;
    }

    /** True when the gateway ended the stream with the last chunk (a clean end), not by closing the connection. */
    public boolean endedCleanly() {
        return endedCleanly;
    }

    /**
     * After a clean end: whether the gateway closes the connection within the timeout rather than keeping it for
     * another request.
     */
    public boolean connectionClosed(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        try {
            while (in.read() >= 0) {
                // what is left of the stream's end (the CRLF after the last chunk)
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(new Chunked(in), StandardCharsets.UTF_8))) {
            String id = null;
            String event = null;
            StringBuilder data = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data != null || id != null || event != null) {
                        messages.add(new Message(id, event, data == null ? null : data.toString(), null, null));
                    }
                    id = null;
                    event = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    messages.add(new Message(null, null, null, line.substring(1).trim(), null));
                } else if (line.startsWith("retry: ")) {
                    messages.add(new Message(null, null, null, null, line.substring(7)));
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = data == null ? new StringBuilder() : data.append('\n');
                    data.append(line.substring(6));
                }
            }
            endedCleanly = true;
        } catch (IOException closed) {
            // the connection was closed or reset
        } finally {
            ended.countDown();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed in the response head");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private static byte[] fullBody(InputStream in, Map<String, String> headers) throws IOException {
        String length = headers.get("content-length");
        if (length != null) {
            return in.readNBytes(Integer.parseInt(length));
        }
        return "chunked".equalsIgnoreCase(headers.get("transfer-encoding"))
                ? new Chunked(in).readAllBytes()
                : in.readAllBytes();
    }

    /** HTTP/1.1 chunked transfer coding, decoded; end of stream after the last chunk. */
    private static final class Chunked extends InputStream {
        private final InputStream in;
        private long left;
        private boolean done;

        Chunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = line(in);
                if (size.isEmpty()) {
                    size = line(in); // the CRLF after the previous chunk's data
                }
                int extension = size.indexOf(';');
                left = Long.parseLong(extension < 0 ? size.trim() : size.substring(0, extension).trim(), 16);
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int read = in.read(buffer, offset, (int) Math.min(length, left));
            if (read < 0) {
                throw new IOException("connection closed within a chunk");
            }
            left -= read;
            return read;
        }
    }
}
