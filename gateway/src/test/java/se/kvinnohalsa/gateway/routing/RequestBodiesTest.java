package se.kvinnohalsa.gateway.routing;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RequestBodiesTest {

    @Test
    void http1WithoutLengthOrTransferEncodingHasNoBody() {
        assertEquals(RequestBodies.NONE, RequestBodies.of(HttpVersion.HTTP_1_1, HttpMethod.GET, null, null));
        assertEquals(RequestBodies.NONE, RequestBodies.of(HttpVersion.HTTP_1_1, HttpMethod.POST, null, null));
        assertEquals(RequestBodies.SIZED, RequestBodies.of(HttpVersion.HTTP_1_1, HttpMethod.GET, "0", null));
        assertEquals(RequestBodies.SIZED, RequestBodies.of(HttpVersion.HTTP_1_0, HttpMethod.PUT, "12", null));
        assertEquals(RequestBodies.CHUNKED, RequestBodies.of(HttpVersion.HTTP_1_1, HttpMethod.POST, null, "chunked"));
    }

    @Test
    void http2BodiesWithoutLengthAreForwardedChunkedExceptForGetAndHead() {
        assertEquals(RequestBodies.NONE, RequestBodies.of(HttpVersion.HTTP_2, HttpMethod.GET, null, null));
        assertEquals(RequestBodies.NONE, RequestBodies.of(HttpVersion.HTTP_2, HttpMethod.HEAD, null, null));
        assertEquals(RequestBodies.CHUNKED, RequestBodies.of(HttpVersion.HTTP_2, HttpMethod.POST, null, null));
        assertEquals(RequestBodies.CHUNKED, RequestBodies.of(HttpVersion.HTTP_2, HttpMethod.PUT, null, null));
        assertEquals(RequestBodies.SIZED, RequestBodies.of(HttpVersion.HTTP_2, HttpMethod.POST, "3", null));
    }
}
