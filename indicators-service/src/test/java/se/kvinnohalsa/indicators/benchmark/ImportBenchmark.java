package se.kvinnohalsa.indicators.benchmark;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.indicators.Api;
import se.kvinnohalsa.stack.bench.GeneratedObservations;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Benchmark, not a timing assertion: imports 100,000 generated CSV rows, streamed to the endpoint (chunked, never
 * held whole on either side), and prints rows/s and the heap's peak during the import; then reads the summary
 * repeatedly and prints reads/s (cached view, 304 revalidation, and an admin's uncached view). Asserts only that
 * every row arrived and the re-import changed nothing.
 */
@QuarkusTest
class ImportBenchmark {

    private static final String CODE = "BENCHMARK_SNAPSHOT";
    private static final int ROWS = 100_000;
    private static final int READS = 2_000;
    private static final int CLIENTS = 4;
    private static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);

    @TestHTTPResource("/")
    URI base;

    /** region_code,period,group,value,numerator,denominator: every region and SE per group on consecutive dates. */
    private HttpResponse<String> importCsv(HttpClient client) throws Exception {
        return client.send(HttpRequest.newBuilder(base.resolve("/api/v1/indicators/" + CODE + "/observations"))
                .header("Authorization", Api.token("registry", null)).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> GeneratedObservations.importCsv(ROWS))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long heapPeakMiB() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }

    @Test
    void importOneHundredThousandRowsAndReadTheSummary() throws Exception {
        Api.define(CODE, "PERCENT", "SNAPSHOT", "{\"operator\": \">=\", \"value\": 90}",
                GeneratedObservations.GROUPS.toArray(String[]::new));
        HttpClient client = HttpClient.newHttpClient();
        System.gc();
        resetPeaks();
        long start = System.nanoTime();
        HttpResponse<String> first = importCsv(client);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(ROWS, JsonPath.from(first.body()).getInt("created"));
        System.out.printf(
                "BENCHMARK import: %,d CSV rows streamed in %.2f s = %,.0f rows/s (created); heap peak %d MiB (test JVM incl. client and server)%n",
                ROWS, seconds, ROWS / seconds, heapPeakMiB());

        start = System.nanoTime();
        HttpResponse<String> again = importCsv(client);
        seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(ROWS, JsonPath.from(again.body()).getInt("unchanged"), again.body());
        System.out.printf("BENCHMARK re-import: %,d unchanged rows in %.2f s = %,.0f rows/s%n", ROWS, seconds,
                ROWS / seconds);

        String day = FIRST_DAY.plusDays(100).toString(); // within the generated dates (455 for 100,000 rows)
        URI summary = base.resolve("/api/v1/indicators/" + CODE + "/summary?period=" + day);
        HttpResponse<String> warm = client.send(HttpRequest.newBuilder(summary).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, warm.statusCode(), warm.body());
        String etag = warm.headers().firstValue("ETag").orElseThrow();
        rate(client, summary, null, null, READS / 4); // warm-up: the JIT, connections

        System.out.printf("BENCHMARK summary reads (cached view, 200): %,.0f reads/s%n",
                rate(client, summary, null, null, READS));
        System.out.printf("BENCHMARK summary reads (If-None-Match, 304): %,.0f reads/s%n",
                rate(client, summary, etag, null, READS));
        System.out.printf("BENCHMARK summary reads (admin token, computed each time): %,.0f reads/s%n",
                rate(client, summary, null, Api.token("admin", null), READS / 4));
        // Four clients at once (the machine has two cores): what the service sustains, not one client's latency.
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            long begin = System.nanoTime();
            List<Future<Double>> runs = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                runs.add(pool.submit(() -> rate(HttpClient.newHttpClient(), summary, null, null, READS)));
            }
            for (Future<Double> run : runs) {
                run.get();
            }
            double total = CLIENTS * READS / ((System.nanoTime() - begin) / 1e9);
            System.out.printf("BENCHMARK summary reads (cached view, %d clients in parallel): %,.0f reads/s%n", CLIENTS,
                    total);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double rate(HttpClient client, URI uri, String etag, String token, int reads) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
        if (etag != null) {
            builder.header("If-None-Match", etag);
        }
        if (token != null) {
            builder.header("Authorization", token);
        }
        HttpRequest request = builder.build();
        int expected = etag == null ? 200 : 304;
        long start = System.nanoTime();
        for (int i = 0; i < reads; i++) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(expected, response.statusCode());
        }
        return reads / ((System.nanoTime() - start) / 1e9);
    }
}
