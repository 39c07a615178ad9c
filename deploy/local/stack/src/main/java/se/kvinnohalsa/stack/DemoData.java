package se.kvinnohalsa.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Loads the demo data through the gateway's public API, as a client would. Idempotent: loading twice (a restart
 * without --fresh) leaves the data as it was.
 */
public final class DemoData {

    private final URI gateway;
    private final Tokens tokens;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DemoData(URI gateway, Tokens tokens) {
        this.gateway = gateway;
        this.tokens = tokens;
    }

    static final String JSON = "application/json";

    /** In dependency order: reports need the published allocations, which reach reporting-service as events. */
    public void load() throws IOException, InterruptedException {
        AllocationDemoData.load(this);
        ReportingDemoData.load(this);
        IndicatorsDemoData.load(this);
    }

    HttpResponse<String> send(String method, String path, String role, String region, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + tokens.issue(role, region))
                .method(method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
