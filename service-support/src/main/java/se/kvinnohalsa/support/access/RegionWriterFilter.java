package se.kvinnohalsa.support.access;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The access check of {@link RegionWriter} endpoints. A request filter runs after authentication and before the body
 * is deserialized and validated: a reporter of another region gets 403 whatever it sent.
 */
@Provider
@RegionWriter
@Priority(Priorities.AUTHORIZATION)
public class RegionWriterFilter implements ContainerRequestFilter {

    @Inject
    JsonWebToken token;

    @Override
    public void filter(ContainerRequestContext request) {
        RegionAccess.requireWriterFor(token,
                request.getUriInfo().getPathParameters().getFirst(RegionWriter.PATH_PARAM));
    }
}
