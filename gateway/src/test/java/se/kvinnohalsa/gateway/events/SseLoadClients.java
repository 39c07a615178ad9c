package se.kvinnohalsa.gateway.events;

import jdk.jfr.Recording;

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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The benchmark's clients, in a process of their own (EventStreamBenchmark starts it): holds many Server-Sent Events
 * streams to the gateway with java.nio (one selector thread per core, no thread per stream), each from a loopback
 * address of its own group (the gateway caps streams per address), and measures, for every event of a benchmark phase
 * received on every stream, the time from the event's CloudEvents {@code time} (set just before it was produced) to
 * its arrival. Plain JDK, so it runs on the test classes alone.
 *
 * <p>
 * Built to cost the clients little CPU per delivery, so that on a small machine the figures are the gateway's. While
 * its streams are busy a selector thread looks for more every {@link #POLL_PAUSE_NANOS} instead of sleeping in the
 * selector until woken: on one machine, waking a client thread is work done within the gateway's write (the system
 * call, on loopback, also queues the bytes for the reader and wakes it), which clients on other machines never
 * cause; it halved the clients' CPU per delivery. The arrival time is then up to about a pause late (more when the
 * thread oversleeps), so the latencies err high. Quiet for {@link #QUIET_BEFORE_WAITING_NANOS}, it waits to be woken.
 *
 * <p>
 * Also: one direct buffer per selector thread, reused; one short-lived String per read, for a vectorized search of
 * its line ends (the selector's keys are visited in place, chunk sizes and event ids are scanned as bytes); each
 * event's produce time is parsed once, by whichever stream sees it first; latencies go into primitive arrays of the
 * selector thread's own. The arrival time is taken once per look at the selector and again every
 * {@link #KEYS_PER_TIMESTAMP} connections read in it, so it is never more than those few reads early.
 *
 * <p>
 * Arguments: host port streams streams-per-address. Prints {@code READY ok=.. failed=.. ms=..} once every stream is
 * open (or failed), then answers on standard input {@code REPORT <phase> <events> <timeout-seconds>} with
 * {@code STATS ...}, {@code JFR <file>} (a flight recording of the clients until {@code JFR-STOP}, then answers
 * {@code JFR-DONE}), and ends on {@code QUIT}. Benchmark event ids are {@code <phase>-<n>}, phase starting with
 * {@code bench-}.
 */
public final class SseLoadClients {

    private static final int SELECTORS = Runtime.getRuntime().availableProcessors();
    private static final int CONNECTING_AT_ONCE = 256;
    private static final int READ_BUFFER = 64 * 1024;
    private static final int KEYS_PER_TIMESTAMP = 32;
    /** While streams are busy, a selector thread looks for more this often instead of waiting to be woken. */
    private static final long POLL_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
    /** Quiet this long, a selector thread waits to be woken again (between events). */
    private static final long QUIET_BEFORE_WAITING_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final int MAX_PHASES = 16;
    private static final int MAX_EVENTS_PER_PHASE = 4096;
    private static final int INITIAL_SAMPLES = 1 << 16;
    private static final int LINE_BYTES = 512;
    private static final int HEX_RADIX = 16;
    private static final int DECIMAL_RADIX = 10;
    private static final byte[] DATA_LINE = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] READY_LINE = "event: ready".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BENCH_ID = "\"id\":\"bench-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TIME_FIELD = "\"time\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final int BENCH_PREFIX_LENGTH = "bench-".length();
    private static final long MICROS_PER_SECOND = 1_000_000;
    private static final long NANOS_PER_MICRO = 1_000;
    private static final long REPORT_POLL_MILLIS = 20;
    private static final double P50 = 0.50;
    private static final double P99 = 0.99;
    private static final double P999 = 0.999;

    private final InetSocketAddress gateway;
    private final int streams;
    private final int perAddress;
    private final Semaphore connecting = new Semaphore(CONNECTING_AT_ONCE);
    private final AtomicInteger ready = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger closedAfterReady = new AtomicInteger();
    /** The phases seen so far; slot i is written once, by the first selector thread that sees phase i. */
    private final Phase[] phases = new Phase[MAX_PHASES];
    private final AtomicInteger phaseCount = new AtomicInteger();
    private final Loop[] loops = new Loop[SELECTORS];
    private final Connection[] connections;
    private Recording recording;

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
            } else if ("JFR".equals(words[0])) {
                clients.startRecording(Path.of(words[1]));
            } else if ("JFR-STOP".equals(words[0])) {
                clients.stopRecording();
            } else if ("QUIT".equals(words[0])) {
                break;
            }
        }
        clients.close();
        System.exit(0);
    }

    private void startRecording(Path file) throws IOException {
        // Samples only: the "profile" settings' socket and allocation events cost as much as the writes measured
        recording = new Recording();
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
        recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(1));
        recording.setDestination(file);
        recording.start();
    }

    private void stopRecording() {
        if (recording != null) {
            recording.stop();
            recording.close();
            recording = null;
        }
        System.out.println("JFR-DONE");
        System.out.flush();
    }

    /** Stream i connects from 127.100.x.y, perAddress streams per address, never 127.0.0.1 (the tests' own). */
    private String addressOf(int stream) {
        int group = stream / perAddress;
        return "127.100." + (group / 250) + "." + (1 + group % 250);
    }

    private void openAll() throws IOException, InterruptedException {
        for (int i = 0; i < SELECTORS; i++) {
            loops[i] = new Loop(i, Selector.open());
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
        System.out.printf("READY ok=%d failed=%d ms=%d selectors=%d%n", ready.get(), failed.get(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), SELECTORS);
        System.out.flush();
    }

    private void report(String name, int events, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        Phase phase = null;
        while (System.nanoTime() < deadline) {
            phase = phase != null ? phase : find(name);
            int open = ready.get() - closedAfterReady.get();
            if (phase != null && phase.delivered() >= (long) open * events) {
                break;
            }
            Thread.sleep(REPORT_POLL_MILLIS);
        }
        long[] sorted = phase == null ? new long[0] : phase.sortedLatencies();
        int complete = phase == null ? 0 : phase.complete(events);
        System.out.printf("STATS phase=%s streams=%d complete=%d received=%d expected=%d closed=%d p50=%d p99=%d "
                + "p999=%d max=%d%n", name, ready.get(), complete, sorted.length, (long) ready.get() * events,
                closedAfterReady.get(), percentile(sorted, P50), percentile(sorted, P99), percentile(sorted, P999),
                sorted.length == 0 ? -1 : sorted[sorted.length - 1]);
        System.out.flush();
    }

    private Phase find(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        int count = phaseCount.get();
        for (int i = 0; i < count; i++) {
            Phase phase = phases[i];
            if (phase != null && Arrays.equals(phase.name, bytes)) {
                return phase;
            }
        }
        return null;
    }

    /** The phase named by {@code line[from, to)}; the first sighting registers it (rare: a few per run). */
    private Phase phase(byte[] line, int from, int to) {
        int count = phaseCount.get();
        for (int i = 0; i < count; i++) {
            Phase phase = phases[i];
            if (phase != null && Arrays.equals(phase.name, 0, phase.name.length, line, from, to)) {
                return phase;
            }
        }
        synchronized (phases) {
            count = phaseCount.get();
            for (int i = 0; i < count; i++) {
                if (Arrays.equals(phases[i].name, 0, phases[i].name.length, line, from, to)) {
                    return phases[i];
                }
            }
            if (count == MAX_PHASES) {
                return null;
            }
            Phase phase = new Phase(Arrays.copyOfRange(line, from, to));
            phases[count] = phase;
            phaseCount.set(count + 1);
            return phase;
        }
    }

    private static long percentile(long[] sorted, double share) {
        return sorted.length == 0
                ? -1
                : sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * share) - 1)];
    }

    /** Where an ASCII pattern starts in {@code bytes[from, to)}, or -1. */
    private static int indexOf(byte[] bytes, int from, int to, byte[] pattern) {
        int last = to - pattern.length;
        outer : for (int i = from; i <= last; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * MICROS_PER_SECOND + now.getNano() / NANOS_PER_MICRO;
    }

    /**
     * One benchmark phase: the produce time of each of its events (parsed once), and per selector thread the
     * latencies it measured and how many events each of its streams got. Only the selector thread writes its own
     * part; its volatile count publishes what it wrote to the thread that reports.
     */
    private final class Phase {
        final byte[] name;
        /** Produce time of event n in epoch microseconds; 0 until a stream saw it. */
        final long[] producedMicros = new long[MAX_EVENTS_PER_PHASE];
        final long[][] latencies = new long[SELECTORS][];
        final int[] receivedPerStream = new int[streams];
        final Counter[] counts = new Counter[SELECTORS];

        Phase(byte[] name) {
            this.name = name;
            for (int i = 0; i < SELECTORS; i++) {
                latencies[i] = new long[INITIAL_SAMPLES];
                counts[i] = new Counter();
            }
        }

        /** From selector thread {@code loop}: stream got event n at {@code nowMicros}. */
        void record(int loop, Connection connection, int n, long produced, long nowMicros) {
            Counter count = counts[loop];
            int size = count.size;
            long[] values = latencies[loop];
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
                latencies[loop] = values;
            }
            values[size] = nowMicros - produced;
            receivedPerStream[connection.index]++;
            count.size = size + 1; // volatile: publishes the writes above
        }

        long delivered() {
            long total = 0;
            for (Counter count : counts) {
                total += count.size;
            }
            return total;
        }

        long[] sortedLatencies() {
            long[] all = new long[0];
            for (int i = 0; i < SELECTORS; i++) {
                int size = counts[i].size;
                long[] values = latencies[i];
                int from = all.length;
                all = Arrays.copyOf(all, from + size);
                System.arraycopy(values, 0, all, from, size);
            }
            Arrays.sort(all);
            return all;
        }

        int complete(int events) {
            delivered(); // reads every volatile count: what was recorded before is visible
            int complete = 0;
            for (int received : receivedPerStream) {
                if (received >= events) {
                    complete++;
                }
            }
            return complete;
        }
    }

    /** A count written by one thread, read by another. */
    private static final class Counter {
        volatile int size;
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

    /** One stream's parsing state: HTTP status and headers, chunked coding, SSE lines; bytes only, no Strings. */
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
        boolean chunkSizeDone;
        boolean isReady;
        byte[] line = new byte[LINE_BYTES];
        int lineLength;

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

        void consume(ByteBuffer bytes, Loop loop) {
            while (bytes.hasRemaining() && state != DONE) {
                switch (state) {
                    case STATUS, HEADERS -> headByte(bytes.get());
                    case CHUNK_SIZE -> chunkSizeByte(bytes.get());
                    case CHUNK_END -> {
                        if (bytes.get() == '\n') {
                            state = CHUNK_SIZE;
                            chunkLeft = 0;
                            chunkSizeDone = false;
                        }
                    }
                    case CHUNK_DATA -> {
                        int take = (int) Math.min(chunkLeft, bytes.remaining());
                        sseBytes(bytes, take, loop);
                        chunkLeft -= take;
                        if (chunkLeft == 0) {
                            state = CHUNK_END;
                        }
                    }
                    default -> bytes.position(bytes.limit());
                }
            }
        }

        /** The status line and the headers, once per connection: only the status and the blank line matter. */
        private void headByte(byte b) {
            if (b != '\n') {
                if (b != '\r' && lineLength < line.length) {
                    line[lineLength++] = b;
                }
                return;
            }
            if (state == STATUS) {
                if (!new String(line, 0, lineLength, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200")) {
                    fail();
                    return;
                }
                state = HEADERS;
            } else if (lineLength == 0) {
                state = CHUNK_SIZE;
                chunkLeft = 0;
                chunkSizeDone = false;
            }
            lineLength = 0;
        }

        private void chunkSizeByte(byte b) {
            if (b == '\n') {
                if (chunkLeft == 0) {
                    fail(); // the last chunk: the gateway ended the stream
                } else {
                    state = CHUNK_DATA;
                }
                return;
            }
            int digit = Character.digit(b, HEX_RADIX);
            if (digit < 0) {
                chunkSizeDone = true; // '\r' or a chunk extension
            } else if (!chunkSizeDone) {
                chunkLeft = chunkLeft * HEX_RADIX + digit;
            }
        }

        /**
         * SSE text: copied in one go after what is left of an unfinished line, then split into lines in place; a
         * line is looked at only when it starts with a field that matters.
         */
        private void sseBytes(ByteBuffer bytes, int take, Loop loop) {
            if (lineLength + take > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + take));
            }
            int scanFrom = lineLength;
            bytes.get(line, lineLength, take);
            int end = lineLength + take;
            int lineStart = 0;
            // Line ends found by String.indexOf, which the JIT vectorizes: a byte-by-byte loop was a quarter of the
            // clients' CPU (every event is some 650 bytes, mostly its id and JSON, read by every stream).
            String text = new String(line, scanFrom, take, StandardCharsets.ISO_8859_1);
            for (int at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
                int i = scanFrom + at;
                line(lineStart, i, loop);
                lineStart = i + 1;
            }
            lineLength = end - lineStart;
            if (lineStart > 0 && lineLength > 0) {
                System.arraycopy(line, lineStart, line, 0, lineLength);
            }
        }

        private void line(int from, int to, Loop loop) {
            if (!isReady && startsWith(from, to, READY_LINE)) {
                isReady = true;
                ready.incrementAndGet();
                connecting.release();
            } else if (startsWith(from, to, DATA_LINE)) {
                dataLine(from, to, loop);
            }
        }

        /** A benchmark event's data line: its id {@code bench-<phase>-<n>} and, the first time, its produce time. */
        private void dataLine(int from, int lineEnd, Loop loop) {
            int idAt = indexOf(line, from + DATA_LINE.length, lineEnd, BENCH_ID);
            if (idAt < 0) {
                return;
            }
            int phaseFrom = idAt + BENCH_ID.length - BENCH_PREFIX_LENGTH;
            int idEnd = phaseFrom;
            while (idEnd < lineEnd && line[idEnd] != '"') {
                idEnd++;
            }
            int dash = idEnd - 1;
            int n = 0;
            int scale = 1;
            for (; dash > phaseFrom && line[dash] != '-'; dash--) {
                int digit = Character.digit(line[dash], DECIMAL_RADIX);
                if (digit < 0) {
                    return;
                }
                n += digit * scale;
                scale *= DECIMAL_RADIX;
            }
            if (dash <= phaseFrom || n >= MAX_EVENTS_PER_PHASE) {
                return;
            }
            Phase phase = phase(line, phaseFrom, dash);
            if (phase == null) {
                return;
            }
            long produced = phase.producedMicros[n];
            if (produced == 0) {
                produced = producedMicros(from, lineEnd);
                if (produced == 0) {
                    return;
                }
                phase.producedMicros[n] = produced; // the same value, whichever thread writes it
            }
            phase.record(loop.index, this, n, produced, loop.now());
        }

        /** The event's CloudEvents time: parsed once per event, not per stream. */
        private long producedMicros(int lineStart, int lineEnd) {
            int timeAt = indexOf(line, lineStart + DATA_LINE.length, lineEnd, TIME_FIELD);
            if (timeAt < 0) {
                return 0;
            }
            int from = timeAt + TIME_FIELD.length;
            int to = from;
            while (to < lineEnd && line[to] != '"') {
                to++;
            }
            try {
                Instant time = Instant.parse(new String(line, from, to - from, StandardCharsets.US_ASCII));
                return time.getEpochSecond() * MICROS_PER_SECOND + time.getNano() / NANOS_PER_MICRO;
            } catch (DateTimeParseException notATime) {
                return 0;
            }
        }

        private boolean startsWith(int from, int to, byte[] prefix) {
            if (to - from < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (line[from + i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** One selector thread and its connections. */
    private final class Loop implements Runnable {
        final int index;
        private final Selector selector;
        private final Queue<Connection> added = new ConcurrentLinkedQueue<>();
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(READ_BUFFER);
        private long nowMicros;
        private int keysSinceTimestamp;

        Loop(int index, Selector selector) {
            this.index = index;
            this.selector = selector;
        }

        void add(Connection connection) {
            added.add(connection);
            selector.wakeup();
        }

        /** The arrival time: taken at most {@link #KEYS_PER_TIMESTAMP} reads ago in this wake-up. */
        long now() {
            return nowMicros;
        }

        @Override
        public void run() {
            try {
                long busyAt = 0;
                while (true) {
                    keysSinceTimestamp = KEYS_PER_TIMESTAMP; // the first key of a wake-up takes the time
                    if (selector.selectNow(this::handle) > 0) {
                        busyAt = System.nanoTime();
                    } else if (System.nanoTime() - busyAt < QUIET_BEFORE_WAITING_NANOS) {
                        LockSupport.parkNanos(POLL_PAUSE_NANOS);
                    } else {
                        selector.select(this::handle);
                        busyAt = System.nanoTime();
                    }
                    for (Connection connection = added.poll(); connection != null; connection = added.poll()) {
                        if (connection.channel.isConnectionPending()) {
                            connection.channel.register(selector, SelectionKey.OP_CONNECT, connection);
                        } else {
                            connection.channel.write(connection.request);
                            connection.channel.register(selector, SelectionKey.OP_READ, connection);
                        }
                    }
                }
            } catch (IOException e) {
                System.err.println("selector failed: " + e);
            }
        }

        private void handle(SelectionKey key) {
            Connection connection = (Connection) key.attachment();
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
                    if (++keysSinceTimestamp >= KEYS_PER_TIMESTAMP) {
                        nowMicros = nowMicros();
                        keysSinceTimestamp = 0;
                    }
                    buffer.flip();
                    connection.consume(buffer, this);
                }
            } catch (IOException | RuntimeException e) {
                key.cancel();
                connection.fail();
            }
        }
    }
}
