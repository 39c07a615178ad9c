package se.kvinnohalsa.stack.bench;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the figures out of what the reference tools print (wrk, pgbench, Kafka's EndToEndLatency), and the
 * percentiles of the bench's own samples. Plain, so that a change in a tool's output fails a unit test rather than a
 * bench run.
 */
final class ToolOutput {

    private static final Pattern WRK_RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern WRK_REQUESTS = Pattern.compile("(\\d+) requests in ([0-9.]+)(us|ms|s|m)");
    private static final Pattern WRK_PERCENTILE = Pattern.compile(
            "^\\s+(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s|m)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern WRK_NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern WRK_SOCKET_ERRORS = Pattern
            .compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern PGBENCH_TPS = Pattern.compile("^tps = ([0-9.]+)", Pattern.MULTILINE);
    private static final Pattern E2E_PERCENTILES = Pattern
            .compile("Percentiles: 50th = ([0-9.]+), 99th = ([0-9.]+), 99\\.9th = ([0-9.]+)");
    private static final Pattern E2E_AVERAGE = Pattern.compile("Avg latency: ([0-9.]+) ms");
    /** -Xlog:gc's summary of one collection: heap used before -> after (capacity), e.g. 69M->12M(247M). */
    private static final Pattern GC_PAUSE = Pattern
            .compile("Pause .*?(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    private static final double KILO = 1024;
    private static final double MICROS_PER_MILLI = 1_000;
    private static final double MILLIS_PER_SECOND = 1_000;
    private static final double SECONDS_PER_MINUTE = 60;

    private ToolOutput() {
    }

    /** One wrk run with --latency: throughput, median and 99th percentile latency, and what went wrong. */
    record Wrk(double requestsPerSecond, long requests, double p50Millis, double p99Millis, long non2xx,
            long socketErrors) {

        /** Every answer 2xx or 3xx and no socket error: the figure measures the path, not a refusal. */
        boolean clean() {
            return non2xx == 0 && socketErrors == 0 && requests > 0;
        }
    }

    static Wrk wrk(String output) {
        Matcher rate = WRK_RATE.matcher(output);
        if (!rate.find()) {
            throw new IllegalArgumentException("no Requests/sec in wrk's output:\n" + output);
        }
        Matcher requests = WRK_REQUESTS.matcher(output);
        long count = requests.find() ? Long.parseLong(requests.group(1)) : 0;
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher percentile = WRK_PERCENTILE.matcher(output);
        while (percentile.find()) {
            double millis = millis(Double.parseDouble(percentile.group(2)), percentile.group(3));
            if (percentile.group(1).equals("50")) {
                p50 = millis;
            } else {
                p99 = millis;
            }
        }
        if (Double.isNaN(p99)) {
            throw new IllegalArgumentException("no latency distribution in wrk's output (run it with --latency):\n"
                    + output);
        }
        Matcher non2xx = WRK_NON_2XX.matcher(output);
        long refused = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
        Matcher socket = WRK_SOCKET_ERRORS.matcher(output);
        long errors = 0;
        if (socket.find()) {
            for (int group = 1; group <= socket.groupCount(); group++) {
                errors += Long.parseLong(socket.group(group));
            }
        }
        return new Wrk(Double.parseDouble(rate.group(1)), count, p50, p99, refused, errors);
    }

    static double millis(double amount, String unit) {
        return switch (unit) {
            case "us" -> amount / MICROS_PER_MILLI;
            case "ms" -> amount;
            case "s" -> amount * MILLIS_PER_SECOND;
            case "m" -> amount * SECONDS_PER_MINUTE * MILLIS_PER_SECOND;
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    }

    /** pgbench's transactions per second (the first "tps =" line: without the initial connection time). */
    static double pgbenchTps(String output) {
        Matcher tps = PGBENCH_TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalArgumentException("no tps in pgbench's output:\n" + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    /** Kafka's EndToEndLatency: average, 50th, 99th and 99.9th percentile in milliseconds. */
    record EndToEnd(double averageMillis, double p50Millis, double p99Millis, double p999Millis) {
    }

    static EndToEnd endToEnd(String output) {
        Matcher percentiles = E2E_PERCENTILES.matcher(output);
        Matcher average = E2E_AVERAGE.matcher(output);
        if (!percentiles.find() || !average.find()) {
            throw new IllegalArgumentException("no percentiles in EndToEndLatency's output:\n" + output);
        }
        return new EndToEnd(Double.parseDouble(average.group(1)), Double.parseDouble(percentiles.group(1)),
                Double.parseDouble(percentiles.group(2)), Double.parseDouble(percentiles.group(3)));
    }

    /**
     * What a JVM's {@code -Xlog:gc} lines say about its heap: how many collections, the most heap in use when one
     * started (the peak: heap use only falls at a collection) and the most left after one (what was still live).
     * A streaming import keeps the second flat however many rows it reads; a buffering one grows it with the rows.
     */
    record Heap(int collections, double peakMegabytes, double liveMegabytes, double capacityMegabytes) {
    }

    static Heap gcLog(String lines) {
        Matcher pause = GC_PAUSE.matcher(lines);
        int collections = 0;
        double peak = 0;
        double live = 0;
        double capacity = 0;
        while (pause.find()) {
            collections++;
            peak = Math.max(peak, megabytes(pause.group(1), pause.group(2)));
            live = Math.max(live, megabytes(pause.group(3), pause.group(4)));
            capacity = Math.max(capacity, megabytes(pause.group(5), pause.group(6)));
        }
        return new Heap(collections, peak, live, capacity);
    }

    private static double megabytes(String amount, String unit) {
        double value = Double.parseDouble(amount);
        return switch (unit) {
            case "K" -> value / KILO;
            case "G" -> value * KILO;
            default -> value;
        };
    }

    /** Nearest-rank percentile (0 < p <= 100) of the samples; NaN when there are none. */
    static double percentile(List<Double> samples, double p) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
