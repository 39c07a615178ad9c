package se.kvinnohalsa.stack.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolOutputTest {

    static final String WRK = """
            Running 10s test @ http://localhost:8080/api/v1/regions
              2 threads and 8 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency   612.31us  401.27us  12.95ms   93.71%
                Req/Sec     6.81k   511.02     7.65k    71.50%
              Latency Distribution
                 50%  523.00us
                 75%  651.00us
                 90%  843.00us
                 99%    2.10ms
              135562 requests in 10.00s, 41.51MB read
            Requests/sec:  13554.31
            Transfer/sec:      4.15MB
            """;

    @Test
    void wrkThroughputAndPercentilesInMilliseconds() {
        ToolOutput.Wrk wrk = ToolOutput.wrk(WRK);
        assertEquals(13554.31, wrk.requestsPerSecond(), 1e-9);
        assertEquals(135562, wrk.requests());
        assertEquals(0.523, wrk.p50Millis(), 1e-9);
        assertEquals(2.10, wrk.p99Millis(), 1e-9);
        assertTrue(wrk.clean());
    }

    @Test
    void wrkRefusalsAndSocketErrorsMakeARunUnclean() {
        String refused = WRK.replace("Requests/sec", "  Non-2xx or 3xx responses: 17\nRequests/sec")
                .replace("99%    2.10ms", "99%    1.20s");
        ToolOutput.Wrk wrk = ToolOutput.wrk(refused);
        assertEquals(17, wrk.non2xx());
        assertEquals(1200, wrk.p99Millis(), 1e-9);
        assertFalse(wrk.clean());
        String errors = WRK.replace("Requests/sec",
                "  Socket errors: connect 0, read 3, write 0, timeout 2\nRequests/sec");
        assertEquals(5, ToolOutput.wrk(errors).socketErrors());
        assertFalse(ToolOutput.wrk(errors).clean());
    }

    @Test
    void wrkWithoutTheLatencyDistributionIsRefused() {
        String withoutDistribution = WRK.replaceAll("(?s)  Latency Distribution.*?99%\\s+2.10ms\n", "");
        assertThrows(IllegalArgumentException.class, () -> ToolOutput.wrk(withoutDistribution));
        assertThrows(IllegalArgumentException.class, () -> ToolOutput.wrk("wrk: command failed"));
    }

    @Test
    void pgbenchTpsIsTheFirstTpsLine() {
        String output = """
                pgbench (15.10 (Debian 15.10-0+deb12u1), server 17.2)
                transaction type: <builtin: select only>
                scaling factor: 10
                number of clients: 8
                number of transactions actually processed: 204871
                latency average = 0.390 ms
                initial connection time = 12.503 ms
                tps = 20499.318201 (without initial connection time)
                """;
        assertEquals(20499.318201, ToolOutput.pgbenchTps(output), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> ToolOutput.pgbenchTps("connection refused"));
    }

    @Test
    void kafkaEndToEndPercentiles() {
        String output = """
                0\t27.117
                1000\t1.23
                Avg latency: 1.8734 ms
                Percentiles: 50th = 1, 99th = 6, 99.9th = 14
                """;
        ToolOutput.EndToEnd e2e = ToolOutput.endToEnd(output);
        assertEquals(1.8734, e2e.averageMillis(), 1e-9);
        assertEquals(1, e2e.p50Millis());
        assertEquals(6, e2e.p99Millis());
        assertEquals(14, e2e.p999Millis());
    }

    @Test
    void nearestRankPercentiles() {
        List<Double> samples = List.of(5.0, 1.0, 4.0, 2.0, 3.0, 10.0, 6.0, 7.0, 8.0, 9.0);
        assertEquals(5.0, ToolOutput.percentile(samples, 50));
        assertEquals(10.0, ToolOutput.percentile(samples, 99));
        assertEquals(1.0, ToolOutput.percentile(samples, 1));
        assertTrue(Double.isNaN(ToolOutput.percentile(List.of(), 99)));
    }

    @Test
    void ratiosAndGoalsOfRows() {
        Row throughput = Row.atLeast("P1", "summary", 15000, 20000, "req/s", "pgbench -S", 1.0, "");
        assertEquals(0.75, throughput.ratio(), 1e-9);
        assertFalse(throughput.goalMet());
        Row latency = Row.atMost("P5", "stream", 12, 6, "ms", "ms", "EndToEndLatency", 3.0, "");
        assertEquals(2.0, latency.ratio(), 1e-9);
        assertTrue(latency.goalMet());
        assertEquals(null, Row.failed("P3", "import", "no answer").goalMet());
        String table = Row.table(List.of(throughput, latency));
        assertTrue(table.contains("0.75") && table.contains(">= 1.0 NO") && table.contains("<= 3.0 ok"), table);
    }

    @Test
    void generatedRowsAreTheSameInTheImportAndTheTableShape() throws IOException {
        String csv = read(GeneratedObservations.importCsv(23));
        String table = read(GeneratedObservations.tableCsv(23, "BENCH"));
        List<String> csvLines = csv.lines().toList();
        List<String> tableLines = table.lines().toList();
        assertEquals("region_code,period,group,value,numerator,denominator", csvLines.get(0));
        assertEquals(24, csvLines.size());
        assertEquals(23, tableLines.size());
        for (int i = 0; i < 23; i++) {
            String[] imported = csvLines.get(i + 1).split(",", -1);
            String[] copied = tableLines.get(i).split(",", -1);
            assertEquals(15, copied.length, tableLines.get(i));
            assertEquals(imported[0], copied[1]);
            assertEquals(imported[1], copied[2]);
            assertEquals(imported[2], copied[4]);
            assertEquals(imported[3], copied[6]);
            assertEquals(imported[4], copied[7]);
            assertEquals(imported[5], copied[8]);
        }
        // Rows 22 and up are the next group of the same day: a million rows stay within a batch's periods.
        assertEquals("ALL", csvLines.get(1).split(",")[2]);
        assertEquals("G1", csvLines.get(23).split(",")[2]);
        assertEquals(csvLines.get(1).split(",")[1], csvLines.get(23).split(",")[1]);
        assertEquals("SE", csvLines.get(22).split(",")[0], "the 22nd row of a date is the national value");
        List<String> dayAndGroups = read(GeneratedObservations.importCsv(221)).lines().toList();
        String[] nextDay = dayAndGroups.get(221).split(",");
        assertEquals("2000-01-02", nextDay[1], "every region in every group, then the next date");
        assertEquals("ALL", nextDay[2]);
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void residentMemoryAsPrintedByServiceProcess() {
        assertEquals(292, Bench.megabytes("292 MB"));
        assertTrue(Double.isNaN(Bench.megabytes("unknown")));
    }

    @Test
    void gcLogGivesThePeakBeforeAndTheMostLiveAfterACollection() {
        ToolOutput.Heap heap = ToolOutput.gcLog("""
                [12.001s][info][gc] GC(7) Pause Young (Allocation Failure) 69M->12M(247M) 5.123ms
                [12.512s][info][gc] GC(8) Pause Young (Allocation Failure) 70M->14M(247M) 4.001ms
                [13.100s][info][gc] GC(9) Pause Full (System.gc()) 2048K->1536K(1G) 30.000ms
                [13.200s][info][gc] Using Serial
                """);
        assertEquals(3, heap.collections());
        assertEquals(70, heap.peakMegabytes(), 1e-9);
        assertEquals(14, heap.liveMegabytes(), 1e-9);
        assertEquals(1024, heap.capacityMegabytes(), 1e-9);
        assertEquals(0, ToolOutput.gcLog("").collections());
    }
}
