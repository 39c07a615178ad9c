package se.kvinnohalsa.indicators.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.kvinnohalsa.indicators.IndicatorsConfig;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Public views, serialized once per read-model version: a read costs one primary-key query (the version) while
 * nothing changed. The ETag is a hash of the content, so an unrelated change does not invalidate clients' copies.
 */
@ApplicationScoped
public class ViewCache {

    @Inject
    ReadModelVersion version;

    @Inject
    ObjectMapper mapper;

    @Inject
    IndicatorsConfig config;

    public record View(long version, String etag, byte[] json) {
    }

    private final Map<String, View> views = new ConcurrentHashMap<>();

    public View get(String key, Supplier<Object> compute) {
        long current = version.current();
        View cached = views.get(key);
        if (cached != null && cached.version() == current) {
            return cached;
        }
        View fresh = serialize(current, compute.get());
        if (views.size() >= config.read().cacheEntries()) {
            views.clear(); // crude but bounded; entries are rebuilt on demand
        }
        views.put(key, fresh);
        return fresh;
    }

    public View serialize(long atVersion, Object view) {
        try {
            byte[] json = mapper.writeValueAsBytes(view);
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json);
            return new View(atVersion, "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"", json);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot serialize a view", e);
        }
    }
}
