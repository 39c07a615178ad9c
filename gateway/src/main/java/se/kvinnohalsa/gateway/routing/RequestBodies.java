package se.kvinnohalsa.gateway.routing;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;

/**
 * How a client's request carries its body, decided from its framing alone, so that the proxy streams only bodies that
 * exist. Most proxied requests are GETs without a body: they are sent on at once, with nothing to pipe or time.
 */
enum RequestBodies {
    /** No body: HTTP/1.x without Content-Length or Transfer-Encoding (RFC 9112, 6.3), or an HTTP/2 GET or HEAD. */
    NONE,
    /** The body has a declared length; the proxy sends it with the same Content-Length. */
    SIZED,
    /** The body's length is unknown: it goes to the service chunked. */
    CHUNKED;

    static RequestBodies of(HttpVersion version, HttpMethod method, String contentLength, String transferEncoding) {
        if (contentLength != null) {
            return SIZED;
        }
        if (version == HttpVersion.HTTP_2) {
            // HTTP/2 frames carry the body; without Content-Length it may still follow the headers.
            return method == HttpMethod.GET || method == HttpMethod.HEAD ? NONE : CHUNKED;
        }
        return transferEncoding == null ? NONE : CHUNKED;
    }
}
