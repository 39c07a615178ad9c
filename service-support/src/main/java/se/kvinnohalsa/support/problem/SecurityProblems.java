package se.kvinnohalsa.support.problem;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import se.kvinnohalsa.support.requestid.RequestIds;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 401 as problem+json. Replaces quarkus-resteasy-problem's own 401 mappers, which fail on Quarkus 3.34
 * (NoSuchFieldError on ChallengeData.headerName) and would answer 500.
 */
public class SecurityProblems {

    public static final String PROBLEM_JSON = "application/problem+json";

    @ServerExceptionMapper(priority = ApiProblems.FIRST)
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorizedResponse(uri);
    }

    @ServerExceptionMapper(priority = ApiProblems.FIRST)
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorizedResponse(uri);
    }

    @ServerExceptionMapper(priority = ApiProblems.FIRST)
    public Response authenticationIncomplete(AuthenticationCompletionException e, UriInfo uri) {
        return unauthorizedResponse(uri);
    }

    private static Response unauthorizedResponse(UriInfo uri) {
        return problem(Response.Status.UNAUTHORIZED, "A valid bearer token is required (Authorization: Bearer <JWT>)",
                uri.getPath()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** A problem+json response builder: status, title, detail, instance and the request id. */
    public static Response.ResponseBuilder problem(Response.Status status, String detail, String instance) {
        return problem(status.getStatusCode(), status.getReasonPhrase(), detail, instance, Map.of());
    }

    /** A problem+json response with any status (422 is not in JAX-RS's Status enum) and extra members. */
    public static Response.ResponseBuilder problem(int status, String title, String detail, String instance,
            Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("title", title);
        body.put("detail", detail);
        body.put("instance", instance);
        if (RequestIds.current() != null) {
            body.put("requestId", RequestIds.current());
        }
        body.putAll(extra);
        return Response.status(status).type(PROBLEM_JSON).entity(body);
    }
}
