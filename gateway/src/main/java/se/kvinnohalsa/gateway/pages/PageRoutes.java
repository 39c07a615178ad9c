package se.kvinnohalsa.gateway.pages;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import se.kvinnohalsa.gateway.routing.GatewayConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Serves the dashboard: its pages at {@code /}, {@code /ar/*}, {@code /indikatorer*} and {@code /regioner*} and their
 * assets at {@code /assets/*}, all from memory ({@link PageShell}). Every answer carries the strict
 * Content-Security-Policy (scripts, styles and data only from this origin: no inline script or style), an ETag
 * (If-None-Match answers 304) and the gzipped body when the client accepts it. The pages read only the public API.
 */
@ApplicationScoped
public class PageRoutes {

    private static final String TEMPLATES = "pages/";
    private static final String SHELL = TEMPLATES + "shell.html";
    private static final String NOT_FOUND = TEMPLATES + "not-found.html";
    private static final String ASSET_FOLDER = TEMPLATES + "assets/";
    /** Before Quarkus' own routes (static resources, REST), after the gateway's API routes, which are all /api/v1. */
    private static final int ORDER = -5;
    private static final String VERSION_PARAM = "v";

    @Inject
    GatewayConfig config;

    private PageShell shell;

    void routes(@Observes Router router) {
        shell = new PageShell(text(SHELL), text(NOT_FOUND), name -> bytes(ASSET_FOLDER + name));
        for (HttpMethod method : new HttpMethod[]{HttpMethod.GET, HttpMethod.HEAD}) {
            router.route(method, "/").order(ORDER).handler(this::page);
            router.routeWithRegex(method, "/(ar|indikatorer|regioner)(/.*)?").order(ORDER).handler(this::page);
            router.route(method, PageShell.ASSETS + "*").order(ORDER).handler(this::asset);
        }
    }

    private void page(RoutingContext routing) {
        Optional<Page> page = Page.of(routing.request().path());
        PageShell.Content content = page.map(shell::page).orElse(shell.notFound());
        HttpServerResponse response = routing.response();
        response.putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        send(routing, page.isPresent() ? 200 : 404, content);
    }

    private void asset(RoutingContext routing) {
        String name = routing.request().path().substring(PageShell.ASSETS.length());
        Optional<PageShell.Content> asset = shell.asset(name);
        if (asset.isEmpty()) {
            routing.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            send(routing, 404, shell.notFound());
            return;
        }
        // Only a request for this very content (the fingerprint the pages link) may be kept for long.
        boolean fingerprinted = asset.get().fingerprint().equals(routing.request().getParam(VERSION_PARAM));
        routing.response().putHeader(HttpHeaders.CACHE_CONTROL, fingerprinted
                ? "public, max-age=" + config.pages().assetMaxAge().toSeconds() + ", immutable"
                : "no-cache");
        send(routing, 200, asset.get());
    }

    private void send(RoutingContext routing, int status, PageShell.Content content) {
        HttpServerResponse response = routing.response();
        response.putHeader(HttpHeaders.CONTENT_TYPE, content.contentType())
                .putHeader("Content-Security-Policy", config.pages().contentSecurityPolicy())
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "same-origin")
                .putHeader(HttpHeaders.VARY, "Accept-Encoding")
                .putHeader(HttpHeaders.ETAG, content.etag());
        if (status == 200 && matches(routing.request().getHeader(HttpHeaders.IF_NONE_MATCH), content.etag())) {
            response.setStatusCode(304).end();
            return;
        }
        byte[] body = content.body();
        if (acceptsGzip(routing.request().getHeader(HttpHeaders.ACCEPT_ENCODING))) {
            response.putHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            body = content.gzipped();
        }
        response.setStatusCode(status);
        if (routing.request().method() == HttpMethod.HEAD) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length)).end();
        } else {
            response.end(Buffer.buffer(body));
        }
    }

    /** Whether an Accept-Encoding header allows gzip (RFC 9110, 12.5.3): gzip, or else *, with a q above 0. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        double gzip = -1;
        double any = -1;
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException malformed) {
                        q = 0;
                    }
                }
            }
            if (name.equals("gzip") || name.equals("x-gzip")) {
                gzip = q;
            } else if (name.equals("*")) {
                any = q;
            }
        }
        return (gzip >= 0 ? gzip : any) > 0;
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(t -> t.equals(etag) || t.equals("*"));
    }

    private static String text(String resource) {
        return new String(bytes(resource).orElseThrow(
                () -> new IllegalStateException("The page template " + resource + " is missing")),
                StandardCharsets.UTF_8);
    }

    private static Optional<byte[]> bytes(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
