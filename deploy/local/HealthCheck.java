import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Exits 0 when the health endpoint answers 200 with status UP, else 1. Run as a single-file program
 * ({@code java deploy/local/HealthCheck.java URL}), so CI needs nothing but the JDK.
 */
public class HealthCheck {
    public static void main(String[] args) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(args[0])).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        boolean up = response.statusCode() == 200 && response.body().replaceAll("\\s", "").contains("\"status\":\"UP\"");
        System.out.println(response.statusCode() + " " + response.body().replaceAll("\\s+", " "));
        System.exit(up ? 0 : 1);
    }
}
