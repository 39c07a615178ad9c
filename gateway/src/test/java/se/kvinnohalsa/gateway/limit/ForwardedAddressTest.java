package se.kvinnohalsa.gateway.limit;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.kvinnohalsa.gateway.RawHttp;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Anonymous clients are rate-limited by address. Behind a proxy (the Kubernetes ingress) that address is the one the
 * proxy forwards, but only a trusted proxy is believed (quarkus.http.proxy.trusted-proxies: 127.0.0.1 in tests):
 * from 127.0.0.1 each forwarded address has its own bucket; from 127.0.0.2, another host, the header is ignored and
 * every request counts against that host. The limit is 50 requests per second with a burst of 100. The requests are
 * writes without a token, answered by the gateway itself (401) once they pass the rate limit (else 429).
 */
@QuarkusTest
class ForwardedAddressTest {

    private static final String TRUSTED_PROXY = "127.0.0.1";
    private static final String UNTRUSTED_HOST = "127.0.0.2";
    private static final int REQUESTS = 1000;
    private static final int THREADS = 12;

    @TestHTTPResource("/")
    URL gateway;

    private List<Integer> statuses(String from, IntFunction<String> forwardedHeader) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                String header = forwardedHeader.apply(i);
                sent.add(pool.submit(() -> RawHttp.exchange(from, gateway.getPort(),
                        "POST /api/v1/agreements HTTP/1.1\r\nConnection: close\r\n" + header + "\r\n", "",
                        Duration.ofSeconds(30)).status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : sent) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long limited(List<Integer> statuses) {
        assertTrue(statuses.stream().allMatch(s -> s == 401 || s == 429), statuses.toString());
        return statuses.stream().filter(s -> s == 429).count();
    }

    @Test
    void behindATrustedProxyEveryForwardedClientHasItsOwnBucket() throws Exception {
        assertEquals(0, limited(statuses(TRUSTED_PROXY, i -> "X-Forwarded-For: 198.51.100." + (i % 250) + ", "
                + "203.0.113." + (i / 250))), "250 clients, at most 4 requests each");
        assertEquals(0, limited(statuses(TRUSTED_PROXY, i -> "Forwarded: for=\"192.0.2." + (i % 250) + "\";by="
                + "\"10.0.0." + (i / 250) + "\"")), "the standard Forwarded header too");
        assertTrue(limited(statuses(TRUSTED_PROXY, i -> "X-Forwarded-For: 198.51.100.251")) > 0,
                "one forwarded client sending 1000 requests is limited");
    }

    @Test
    void fromAnyoneElseForwardedAddressesAreIgnored() throws Exception {
        assertTrue(limited(statuses(UNTRUSTED_HOST, i -> "X-Forwarded-For: 198.51.100." + (i % 250))) > 0,
                "one host claiming 250 forwarded addresses is still one client");
        assertTrue(limited(statuses(UNTRUSTED_HOST, i -> "Forwarded: for=192.0.2." + (i % 250))) > 0);
    }
}
