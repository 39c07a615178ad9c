package se.kvinnohalsa.stack.testing;

import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

/**
 * Access before validation, on every write endpoint of a service: a caller who may not make the change gets 403
 * problem+json even when its body is malformed or breaks the rules, while an admin gets the same request refused as
 * bad input (400 or 422), which shows the body really is bad. A service's {@code @QuarkusTest} extends this and lists
 * its write endpoints in a static {@code writeEndpoints()}.
 */
public abstract class WriteAccessOrder {

    private static final int FORBIDDEN = 403;

    /** A write and a bad request to it, made once by an admin and once by a caller who may not write there. */
    public record WriteEndpoint(String method, String path, String contentType, String badBody, String role,
            String region) {

        /** Without a body: the bad part is in the path or query. */
        public static WriteEndpoint withoutBody(String method, String path, String role, String region) {
            return new WriteEndpoint(method, path, null, null, role, region);
        }

        @Override
        public String toString() {
            return method + " " + path + " as " + role + (region == null ? "" : " of " + region)
                    + (badBody == null ? "" : " with " + badBody);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writeEndpoints")
    void aCallerWhoMayNotWriteGets403WhateverItSent(WriteEndpoint endpoint) {
        send(endpoint, "admin", null).then().log().ifValidationFails().statusCode(oneOf(400, 422))
                .contentType("application/problem+json");
        send(endpoint, endpoint.role(), endpoint.region()).then().log().ifValidationFails().statusCode(FORBIDDEN)
                .contentType("application/problem+json").body("status", equalTo(FORBIDDEN));
    }

    private static Response send(WriteEndpoint endpoint, String role, String region) {
        var request = ContractApi.as(role, region);
        if (endpoint.contentType() != null) {
            request.contentType(endpoint.contentType());
        }
        if (endpoint.badBody() != null) {
            request.body(endpoint.badBody());
        }
        return request.request(endpoint.method(), endpoint.path());
    }
}
