package se.kvinnohalsa.gateway.pages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The pages' HTML and assets, prepared once at start-up. Every page is the same shell (header, live state, an empty
 * main) rendered from one template, which the page's script fills from the public API. The template names its assets
 * as {@code {{asset:name}}}; they become {@code /assets/name?v=<content hash>}, so an asset can be cached for long and
 * a new build is fetched at once. Only the assets the template names are served. Everything is gzipped here, once,
 * rather than per request.
 */
public final class PageShell {

    static final String ASSETS = "/assets/";
    private static final Pattern ASSET = Pattern.compile("\\{\\{asset:([A-Za-z0-9._-]+)}}");
    private static final String PAGE = "{{page}}";
    private static final int FINGERPRINT_HEX_CHARS = 16;
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml");

    /** One prepared response body: as is and gzipped, its content type and a strong ETag (its fingerprint). */
    public record Content(byte[] body, byte[] gzipped, String contentType, String fingerprint) {
        public String etag() {
            return "\"" + fingerprint + "\"";
        }
    }

    private final Map<Page, Content> pages = new EnumMap<>(Page.class);
    private final Map<String, Content> assets = new LinkedHashMap<>();
    private final Content notFound;

    /**
     * @param template the shell's HTML with {{page}} and {{asset:...}} placeholders
     * @param notFoundTemplate the HTML of the 404 page, with {{asset:...}} placeholders
     * @param readAsset reads an asset by its name (empty when there is no such asset)
     */
    public PageShell(String template, String notFoundTemplate, Function<String, Optional<byte[]>> readAsset) {
        String shell = withAssets(template, readAsset);
        for (Page page : Page.values()) {
            pages.put(page, content(shell.replace(PAGE, page.scriptName()).getBytes(StandardCharsets.UTF_8), "html"));
        }
        notFound = content(withAssets(notFoundTemplate, readAsset).getBytes(StandardCharsets.UTF_8), "html");
    }

    public Content page(Page page) {
        return pages.get(page);
    }

    public Content notFound() {
        return notFound;
    }

    /** An asset the template names; empty for any other name. */
    public Optional<Content> asset(String name) {
        return Optional.ofNullable(assets.get(name));
    }

    /** The assets' names, in the order the templates name them. */
    public Iterable<String> assetNames() {
        return assets.keySet();
    }

    private String withAssets(String template, Function<String, Optional<byte[]>> readAsset) {
        Matcher matcher = ASSET.matcher(template);
        StringBuilder html = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            Content asset = assets.computeIfAbsent(name, n -> content(readAsset.apply(n).orElseThrow(
                    () -> new IllegalStateException("The page template names the asset " + n + ", which is missing")),
                    extension(n)));
            matcher.appendReplacement(html, Matcher.quoteReplacement(ASSETS + name + "?v=" + asset.fingerprint()));
        }
        matcher.appendTail(html);
        return html.toString();
    }

    private static String extension(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (!CONTENT_TYPES.containsKey(extension)) {
            throw new IllegalStateException("No content type known for the asset " + name);
        }
        return extension;
    }

    private static Content content(byte[] body, String extension) {
        return new Content(body, gzip(body), CONTENT_TYPES.get(extension),
                sha256(body).substring(0, FINGERPRINT_HEX_CHARS));
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
