package se.kvinnohalsa.gateway.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The benchmark's clients, in a process of their own (EventStreamBenchmark starts it): holds many Server-Sent Events
 * streams to the gateway with java.nio (a few threads, no thread per stream), each from a loopback address of its
 * own group (the gateway caps streams per address), and measures, for every event of a benchmark phase received on
 * every stream, the time from the event's CloudEvents {@code time} (set just before it was produced) to its arrival.
 * Plain JDK, so it runs on the test classes alone.
 *
 * <p>
 * Arguments: host port streams streams-per-address. Prints {@code READY ok=.. failed=.. ms=..} once every stream is
 * open (or failed), then answers on standard input {@code REPORT <phase> <events> <timeout-seconds>} with
 * {@code STATS ...} and ends on {@code QUIT}. Benchmark event ids are {@code <phase>-<n>}.
 */
public final class SseLoadClients {

    private static final int SELECTORS = 2;
    private static final int CONNECTING_AT_ONCE = 256;
    private static final int READ_BUFFER = 64 * 1024;
    private static final String ID_FIELD = "\"id\":\"";
    private static final String TIME_FIELD = "\"time\":\"";
    private static final String BENCH_PREFIX = "bench-";
    private static final long MICROS_PER_SECOND = 1_000_000;
    private static final long NANOS_PER_MICRO = 1_000;
    private static final double P50 = 0.50;
    private static final double P99 = 0.99;

    private final InetSocketAddress gateway;
    private final int streams;
    private final int perAddress;
    private final Semaphore connecting = new Semaphore(CONNECTING_AT_ONCE);
    private final AtomicInteger ready = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger closedAfterReady = new AtomicInteger();
    private final Map<String, Samples> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicIntegerArray> receivedPerStream = new ConcurrentHashMap<>();
    private final Loop[] loops = new Loop[SELECTORS];
    private final Connection[] connections;

    private SseLoadClients(InetSocketAddress gateway, int streams, int perAddress) {
        this.gateway = gateway;
        this.streams = streams;
        this.perAddress = perAddress;
        this.connections = new Connection[streams];
    }

    public static void main(String[] args) throws Exception {
        SseLoadClients clients = new SseLoadClients(new InetSocketAddress(args[0], Integer.parseInt(args[1])),
                Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        clients.openAll();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = commands.readLine(); line != null; line = commands.readLine()) {
            String[] words = line.trim().split(" ");
            if ("REPORT".equals(words[0])) {
                clients.report(words[1], Integer.parseInt(words[2]), Long.parseLong(words[3]));
            } else if ("QUIT".equals(words[0])) {
                break;
            }
        }
        clients.close();
        System.exit(0);
    }

    /** Stream i connects from 127.100.x.y, perAddress streams per address, never 127.0.0.1 (the tests' own). */
    private String addressOf(int stream) {
        int group = stream / perAddress;
        return "127.100." + (group / 250) + "." + (1 + group % 250);
    }

    private void openAll() throws IOException, InterruptedException {
        for (int i = 0; i < SELECTORS; i++) {
            loops[i] = new Loop(Selector.open());
            Thread thread = new Thread(loops[i], "sse-load-" + i);
            thread.setDaemon(true);
            thread.start();
        }
        long started = System.nanoTime();
        byte[] request = ("GET /api/v1/events HTTP/1.1\r\nHost: " + gateway.getHostString() + ":" + gateway.getPort()
                + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < streams; i++) {
            connecting.acquire();
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(new InetSocketAddress(addressOf(i), 0));
            channel.connect(gateway);
            Connection connection = new Connection(i, channel, request);
            connections[i] = connection;
            loops[i % SELECTORS].add(connection);
        }
        connecting.acquire(CONNECTING_AT_ONCE); // every connection is ready or failed
        System.out.printf("READY ok=%d failed=%d ms=%d%n", ready.get(), failed.get(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        System.out.flush();
    }

    private void report(String phase, int events, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        int complete = 0;
        while (System.nanoTime() < deadline) {
            complete = complete(phase, events);
            if (complete == ready.get() - closedAfterReady.get()) {
                break;
            }
            Thread.sleep(100);
        }
        long[] sorted = latencies.getOrDefault(phase, new Samples()).sorted();
        System.out.printf("STATS phase=%s streams=%d complete=%d received=%d expected=%d closed=%d p50=%d p99=%d "
                + "max=%d%n", phase, ready.get(), complete, sorted.length, (long) ready.get() * events,
                closedAfterReady.get(), percentile(sorted, P50), percentile(sorted, P99),
                sorted.length == 0 ? -1 : sorted[sorted.length - 1]);
        System.out.flush();
    }

    private int complete(String phase, int events) {
        AtomicIntegerArray received = receivedPerStream.get(phase);
        int complete = 0;
        for (int i = 0; received != null && i < streams; i++) {
            if (received.get(i) >= events) {
                complete++;
            }
        }
        return complete;
    }

    private static long percentile(long[] sorted, double share) {
        return sorted.length == 0
                ? -1
                : sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * share) - 1)];
    }

    /** Latencies in microseconds, without a boxed number per sample. */
    private static final class Samples {
        private long[] values = new long[1024];
        private int size;

        synchronized void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        synchronized long[] sorted() {
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return sorted;
        }
    }

    private void close() {
        for (Connection connection : connections) {
            if (connection != null) {
                try {
                    connection.channel.close();
                } catch (IOException ignored) {
                    // exiting
                }
            }
        }
    }

    private void record(Connection connection, byte[] line, int length, long nowMicros) {
        String text = new String(line, 0, length, StandardCharsets.UTF_8);
        int idAt = text.indexOf(ID_FIELD);
        if (idAt < 0 || !text.startsWith(BENCH_PREFIX, idAt + ID_FIELD.length())) {
            return;
        }
        String id = text.substring(idAt + ID_FIELD.length(), text.indexOf('"', idAt + ID_FIELD.length()));
        String phase = id.substring(0, id.lastIndexOf('-'));
        int timeAt = text.indexOf(TIME_FIELD);
        if (timeAt < 0) {
            return;
        }
        try {
            Instant time = Instant.parse(text.substring(timeAt + TIME_FIELD.length(),
                    text.indexOf('"', timeAt + TIME_FIELD.length())));
            long producedMicros = time.getEpochSecond() * MICROS_PER_SECOND + time.getNano() / NANOS_PER_MICRO;
            latencies.computeIfAbsent(phase, p -> new Samples()).add(nowMicros - producedMicros);
            receivedPerStream.computeIfAbsent(phase, p -> new AtomicIntegerArray(streams))
                    .incrementAndGet(connection.index);
        } catch (DateTimeParseException notATime) {
            // not one of the benchmark's events
        }
    }

    /** One stream's parsing state: HTTP status and headers, chunked coding, SSE lines. */
    private final class Connection {
        private static final int STATUS = 0;
        private static final int HEADERS = 1;
        private static final int CHUNK_SIZE = 2;
        private static final int CHUNK_DATA = 3;
        private static final int CHUNK_END = 4;
        private static final int DONE = 5;

        final int index;
        final SocketChannel channel;
        final ByteBuffer request;
        int state = STATUS;
        long chunkLeft;
        boolean isReady;
        byte[] line = new byte[256];
        int lineLength;
        byte[] head = new byte[128];
        int headLength;

        Connection(int index, SocketChannel channel, byte[] request) {
            this.index = index;
            this.channel = channel;
            this.request = ByteBuffer.wrap(request);
        }

        void fail() {
            if (isReady) {
                closedAfterReady.incrementAndGet();
            } else if (state != DONE) {
                failed.incrementAndGet();
                connecting.release();
            }
            state = DONE;
            try {
                channel.close();
            } catch (IOException ignored) {
                // closed anyway
            }
        }

        void consume(ByteBuffer bytes, long nowMicros) {
            while (bytes.hasRemaining() && state != DONE) {
                switch (state) {
                    case STATUS, HEADERS, CHUNK_SIZE, CHUNK_END -> {
                        byte b = bytes.get();
                        if (b == '\n') {
                            headLine();
                            headLength = 0;
                        } else if (b != '\r' && headLength < head.length) {
                            head[headLength++] = b;
                        }
                    }
                    case CHUNK_DATA -> {
                        int take = (int) Math.min(chunkLeft, bytes.remaining());
                        for (int i = 0; i < take; i++) {
                            sseByte(bytes.get(), nowMicros);
                        }
                        chunkLeft -= take;
                        if (chunkLeft == 0) {
                            state = CHUNK_END;
                        }
                    }
                    default -> bytes.position(bytes.limit());
                }
            }
        }

        private void headLine() {
            String text = new String(head, 0, headLength, StandardCharsets.US_ASCII);
            switch (state) {
                case STATUS -> {
                    if (!text.startsWith("HTTP/1.1 200")) {
                        fail();
                        return;
                    }
                    state = HEADERS;
                }
                case HEADERS -> state = text.isEmpty() ? CHUNK_SIZE : HEADERS;
                case CHUNK_END -> state = CHUNK_SIZE;
                case CHUNK_SIZE -> {
                    chunkLeft = Long.parseLong(text.trim(), 16);
                    if (chunkLeft == 0) {
                        fail(); // the gateway ended the stream
                    } else {
                        state = CHUNK_DATA;
                    }
                }
                default -> {
                }
            }
        }

        private void sseByte(byte b, long nowMicros) {
            if (b != '\n') {
                if (lineLength == line.length) {
                    line = Arrays.copyOf(line, line.length * 2);
                }
                line[lineLength++] = b;
                return;
            }
            if (!isReady && startsWith("event: ready")) {
                isReady = true;
                ready.incrementAndGet();
                connecting.release();
            } else if (startsWith("data: ")) {
                record(this, line, lineLength, nowMicros);
            }
            lineLength = 0;
        }

        private boolean startsWith(String prefix) {
            if (lineLength < prefix.length()) {
                return false;
            }
            for (int i = 0; i < prefix.length(); i++) {
                if (line[i] != prefix.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** One selector thread and its connections. */
    private final class Loop implements Runnable {
        private final Selector selector;
        private final Queue<Connection> added = new ConcurrentLinkedQueue<>();
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(READ_BUFFER);

        Loop(Selector selector) {
            this.selector = selector;
        }

        void add(Connection connection) {
            added.add(connection);
            selector.wakeup();
        }

        @Override
        public void run() {
            try {
                while (true) {
                    selector.select();
                    for (Connection connection = added.poll(); connection != null; connection = added.poll()) {
                        if (connection.channel.isConnectionPending()) {
                            connection.channel.register(selector, SelectionKey.OP_CONNECT, connection);
                        } else {
                            connection.channel.write(connection.request);
                            connection.channel.register(selector, SelectionKey.OP_READ, connection);
                        }
                    }
                    for (var keys = selector.selectedKeys().iterator(); keys.hasNext();) {
                        SelectionKey key = keys.next();
                        keys.remove();
                        handle(key, (Connection) key.attachment());
                    }
                }
            } catch (IOException e) {
                System.err.println("selector failed: " + e);
            }
        }

        private void handle(SelectionKey key, Connection connection) {
            try {
                if (key.isConnectable()) {
                    connection.channel.finishConnect();
                    connection.channel.write(connection.request);
                    key.interestOps(SelectionKey.OP_READ);
                } else if (key.isReadable()) {
                    buffer.clear();
                    int read = connection.channel.read(buffer);
                    if (read < 0) {
                        key.cancel();
                        connection.fail();
                        return;
                    }
                    Instant now = Instant.now();
                    buffer.flip();
                    connection.consume(buffer, now.getEpochSecond() * MICROS_PER_SECOND
                            + now.getNano() / NANOS_PER_MICRO);
                }
            } catch (IOException | RuntimeException e) {
                key.cancel();
                connection.fail();
            }
        }
    }
}
