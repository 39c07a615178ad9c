package se.kvinnohalsa.support.idempotency;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import se.kvinnohalsa.support.fault.TransientFailures;
import se.kvinnohalsa.support.outbox.Outbox;
import se.kvinnohalsa.support.problem.FieldError;
import se.kvinnohalsa.support.problem.SecurityProblems;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * {@code Idempotency-Key} on every POST of the service: the first request with a key is carried out and its answer
 * kept ({@link IdempotencyStore}); a retry with the same key and the same request gets that answer again (status,
 * headers, body); the same key with another request is 422; a retry while the first is still being carried out is
 * 409. Keys belong to the caller (the token's subject): one client can neither read nor block another's answers.
 * <p>
 * Bodies read by the endpoint as a stream (imports) keep streaming: the fingerprint is taken as the endpoint reads.
 * Other bodies are read here first (they are small, and Quarkus reads them whole anyway).
 */
@Provider
@Priority(Priorities.USER)
@IfBuildProperty(name = Outbox.NEEDS, stringValue = "postgresql")
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class);
    private static final String PENDING = IdempotencyFilter.class.getName() + ".pending";
    /** The answer's headers that belong to it (the rest, such as X-Request-Id and Date, belong to each exchange). */
    private static final Set<String> KEPT_HEADERS = Set.of("content-type", "location", "etag", "last-modified",
            "content-location", "link", "cache-control", "vary");
    private static final int UNPROCESSABLE = 422;
    private static final int CONFLICT = 409;
    private static final String RETRY_IN_FLIGHT_SECONDS = "1";
    /** The longest caller id kept as it is; longer subjects are kept as their SHA-256. */
    private static final int MAX_CALLER = 200;

    // Providers are created at static init, before runtime configuration: settings come through the store.
    @Inject
    IdempotencyStore store;

    @Context
    ResourceInfo resource;

    /** One request with a key being carried out: what completes or releases it. */
    private static final class Pending {
        final String caller;
        final String key;
        final MessageDigest digest;
        final DigestingStream stream;
        final String fingerprint;
        UUID owner;
        int status;
        Map<String, List<String>> headers;
        boolean done;

        Pending(String caller, String key, MessageDigest digest, DigestingStream stream, String fingerprint) {
            this.caller = caller;
            this.key = key;
            this.digest = digest;
            this.stream = stream;
            this.fingerprint = fingerprint;
        }
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        List<String> values = request.getHeaders().get(IdempotencyKeys.HEADER);
        if (!"POST".equals(request.getMethod()) || values == null || values.isEmpty()) {
            return;
        }
        String key;
        try {
            key = IdempotencyKeys.parse(values, store.maxKeyLength());
        } catch (IllegalArgumentException invalid) {
            request.abortWith(problem(request, Response.Status.BAD_REQUEST.getStatusCode(), "Bad Request",
                    "The Idempotency-Key header is not valid", invalid.getMessage()).build());
            return;
        }
        String caller = caller(request);
        if (caller == null) {
            return; // no token: the endpoint answers 401 and there is nothing to keep
        }
        String path = request.getUriInfo().getRequestUri().getRawPath()
                + (request.getUriInfo().getRequestUri().getRawQuery() == null
                        ? ""
                        : "?" + request.getUriInfo().getRequestUri().getRawQuery());
        MediaType type = request.getMediaType();
        MessageDigest digest = IdempotencyKeys.fingerprint(request.getMethod(), path,
                type == null ? null : type.getType() + "/" + type.getSubtype());
        DigestingStream body = new DigestingStream(request.getEntityStream(), digest);
        boolean streaming = readsStream();
        String fingerprint = null;
        if (!streaming) {
            byte[] bytes = body.readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(bytes));
            fingerprint = IdempotencyKeys.hex(digest);
        }
        // A database that cannot be reached here is answered like anywhere else: 503 with the configured Retry-After
        // (ServerProblems).
        Reservation reservation = store.reserve(caller, key, request.getMethod(), path, fingerprint);
        LOG.debugf("Idempotency-Key %s of %s: %s", key, caller, reservation.state());
        switch (reservation.state()) {
            case NEW -> {
                Pending pending = new Pending(caller, key, digest, streaming ? body : null, fingerprint);
                pending.owner = reservation.owner();
                if (streaming) {
                    request.setEntityStream(body);
                }
                request.setProperty(PENDING, pending);
            }
            case IN_FLIGHT -> request.abortWith(problem(request, CONFLICT, "Conflict",
                    "A request with this Idempotency-Key is still being carried out; try again shortly",
                    "in use by a request that has not finished")
                    .header(HttpHeaders.RETRY_AFTER, RETRY_IN_FLIGHT_SECONDS).build());
            case COMPLETED -> {
                if (streaming) {
                    body.transferTo(OutputStream.nullOutputStream());
                    fingerprint = IdempotencyKeys.hex(digest);
                }
                if (!reservation.stored().fingerprint().equals(fingerprint)) {
                    request.abortWith(problem(request, UNPROCESSABLE, "Unprocessable Content",
                            "The Idempotency-Key was used for another request",
                            "used before with another method, path or body; use a new key for a new request")
                            .build());
                } else {
                    request.abortWith(replay(reservation.stored()));
                }
            }
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(PENDING) instanceof Pending pending) || pending.done) {
            return;
        }
        pending.status = response.getStatus();
        pending.headers = kept(response.getStringHeaders());
        if (!IdempotencyKeys.kept(pending.status)) {
            release(pending);
        } else if (!response.hasEntity()) {
            complete(pending, new byte[0]);
        }
        // otherwise the answer is kept once written (aroundWriteTo), before the client sees it
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(PENDING) instanceof Pending pending) || pending.done) {
            context.proceed();
            return;
        }
        OutputStream client = context.getOutputStream();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        context.setOutputStream(answer);
        try {
            context.proceed();
        } catch (IOException | RuntimeException e) {
            release(pending);
            throw e;
        } finally {
            context.setOutputStream(client);
        }
        pending.headers = kept(stringHeaders(context.getHeaders()));
        if (context.getMediaType() != null && !pending.headers.containsKey("content-type")) {
            pending.headers.put("content-type", List.of(context.getMediaType().toString()));
        }
        complete(pending, answer.toByteArray());
        client.write(answer.toByteArray());
    }

    private void complete(Pending pending, byte[] body) {
        pending.done = true;
        try {
            String fingerprint;
            if (pending.stream != null) {
                // An endpoint that stopped reading early (a bad row) leaves the rest of the body: it counts too.
                pending.stream.transferTo(OutputStream.nullOutputStream());
                fingerprint = IdempotencyKeys.hex(pending.digest);
            } else {
                fingerprint = pending.fingerprint;
            }
            store.complete(pending.caller, pending.key, pending.owner,
                    new StoredResponse(fingerprint, pending.status, pending.headers, body));
        } catch (IOException | RuntimeException e) {
            // Not kept: the answer still goes out, and the key frees itself after its lease.
            LOG.warnf("answer for Idempotency-Key %s not kept: %s", pending.key, TransientFailures.describe(e));
            releaseQuietly(pending);
        }
    }

    private void release(Pending pending) {
        pending.done = true;
        releaseQuietly(pending);
    }

    private void releaseQuietly(Pending pending) {
        try {
            store.release(pending.caller, pending.key, pending.owner);
        } catch (RuntimeException e) {
            LOG.warnf("Idempotency-Key %s not released (frees itself after its lease): %s", pending.key,
                    TransientFailures.describe(e));
        }
    }

    /** Whether the endpoint reads its body as a stream, which must not be read here first. */
    private boolean readsStream() {
        if (resource == null || resource.getResourceMethod() == null) {
            return false;
        }
        for (Class<?> type : resource.getResourceMethod().getParameterTypes()) {
            if (InputStream.class.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }

    private static String caller(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext() == null
                ? null
                : request.getSecurityContext().getUserPrincipal();
        if (principal == null) {
            return null;
        }
        String subject = principal instanceof JsonWebToken token && token.getSubject() != null
                ? token.getSubject()
                : principal.getName();
        if (subject == null || subject.isEmpty()) {
            return null;
        }
        if (subject.length() <= MAX_CALLER) {
            return subject;
        }
        MessageDigest digest = IdempotencyKeys.fingerprint("caller", subject, null);
        return "sha256:" + IdempotencyKeys.hex(digest);
    }

    private static Response replay(StoredResponse stored) {
        Response.ResponseBuilder replay = Response.status(stored.status());
        stored.headers().forEach((name, values) -> values.forEach(v -> replay.header(name, v)));
        replay.header(IdempotencyKeys.REPLAYED_HEADER, "true");
        if (stored.body() != null && stored.body().length > 0) {
            replay.entity(stored.body());
        }
        return replay.build();
    }

    private static Map<String, List<String>> kept(MultivaluedMap<String, String> headers) {
        Map<String, List<String>> kept = new TreeMap<>();
        headers.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (KEPT_HEADERS.contains(lower)) {
                kept.put(lower, new ArrayList<>(values));
            }
        });
        return kept;
    }

    private static MultivaluedMap<String, String> stringHeaders(MultivaluedMap<String, Object> headers) {
        MultivaluedMap<String, String> strings = new MultivaluedHashMap<>();
        headers.forEach((name, values) -> values.forEach(v -> strings.add(name, String.valueOf(v))));
        return strings;
    }

    private static Response.ResponseBuilder problem(ContainerRequestContext request, int status, String title,
            String detail, String message) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("errors", List.of(new FieldError(IdempotencyKeys.HEADER, message)));
        return SecurityProblems.problem(status, title, detail, request.getUriInfo().getPath(), extra);
    }

    /** Feeds what the endpoint reads into the fingerprint. */
    static final class DigestingStream extends InputStream {
        private final InputStream in;
        private final MessageDigest digest;

        DigestingStream(InputStream in, MessageDigest digest) {
            this.in = in == null ? InputStream.nullInputStream() : in;
            this.digest = digest;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                digest.update((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                digest.update(buffer, offset, n);
            }
            return n;
        }

        @Override
        public void close() {
            // The endpoint's reader may close the stream before the rest is hashed; the request closes it.
        }
    }
}
