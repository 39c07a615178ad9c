package se.kvinnohalsa.support.precondition;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import se.kvinnohalsa.support.problem.FieldError;
import se.kvinnohalsa.support.problem.SecurityProblems;

import java.util.List;
import java.util.Map;

/** A malformed precondition header is bad input: 400 problem+json whose error names the header. */
public class PreconditionProblems {

    private static final int BAD_REQUEST = 400;

    @ServerExceptionMapper
    public Response malformed(MalformedPreconditionException e, UriInfo uri) {
        return SecurityProblems.problem(BAD_REQUEST, "Bad Request", e.getMessage(), uri.getPath(),
                Map.of("errors", List.of(new FieldError(e.header(), e.getMessage())))).build();
    }
}
