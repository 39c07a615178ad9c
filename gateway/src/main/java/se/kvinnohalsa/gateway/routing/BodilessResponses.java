package se.kvinnohalsa.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * 304, 204 and 1xx answers pass the gateway as they must be: with no body and no Transfer-Encoding. Left alone, the
 * proxy copies the service's status message ("Not Modified"), which makes Vert.x replace its own 304 status object,
 * so that its identity check that drops Transfer-Encoding on a 304 no longer matches; with no Content-Length the
 * proxy then answers chunked, and clients that honour Transfer-Encoding (Python's requests and http.client) wait for
 * chunks that never come. Without the status message Vert.x uses its own status, and without a body the proxy
 * neither chunks nor sends a length.
 */
final class BodilessResponses implements ProxyInterceptor {

    private static final int NO_CONTENT = 204;
    private static final int NOT_MODIFIED = 304;
    private static final int INFORMATIONAL = 100;
    private static final int SUCCESSFUL = 200;

    static boolean bodiless(int status) {
        return status == NO_CONTENT || status == NOT_MODIFIED || status >= INFORMATIONAL && status < SUCCESSFUL;
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        ProxyResponse response = context.response();
        if (bodiless(response.getStatusCode())) {
            response.setStatusMessage(null);
            if (response.getBody() != null) {
                // The service's (empty) body is read to its end, so that its connection goes back to the pool.
                ReadStream<Buffer> upstream = response.getBody().stream();
                upstream.handler(null);
                upstream.resume();
                response.setBody(null);
            }
            response.headers().remove("Transfer-Encoding");
            if (response.getStatusCode() != NOT_MODIFIED) {
                response.headers().remove("Content-Length");
            }
        }
        return context.sendResponse();
    }
}
