package se.kvinnohalsa.indicators.observation;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import se.kvinnohalsa.support.problem.ApiProblems;
import se.kvinnohalsa.support.problem.SecurityProblems;

import java.util.LinkedHashMap;
import java.util.Map;

/** The import's problems in the contract's problem+json shape. */
public class ImportProblems {

    private static final int BAD_REQUEST = 400;
    private static final int TOO_LARGE = 413;

    @ServerExceptionMapper
    public Response malformed(MalformedRequestException e, UriInfo uri) {
        return SecurityProblems.problem(BAD_REQUEST, "Bad Request", e.getMessage(), uri.getPath(),
                Map.of("errors", e.errors())).build();
    }

    @ServerExceptionMapper
    public Response tooLarge(BatchTooLargeException e, UriInfo uri) {
        return SecurityProblems.problem(TOO_LARGE, "Content Too Large", e.getMessage(), uri.getPath(), Map.of())
                .header("Connection", "close").build();
    }

    /** 422 with the row errors ({row, field, message}) and the counts, as the import reply has them. */
    @ServerExceptionMapper
    public Response rejected(BatchRejectedException e, UriInfo uri) {
        ImportResult result = e.result();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("batchId", result.batchId());
        extra.put("dryRun", result.dryRun());
        extra.put("atomic", result.atomic());
        extra.put("received", result.received());
        extra.put("created", 0);
        extra.put("updated", 0);
        extra.put("unchanged", 0);
        extra.put("rejected", result.rejected());
        extra.put("errors", result.errors());
        extra.put("errorsNotShown", result.errorsNotShown());
        return SecurityProblems.problem(ApiProblems.UNPROCESSABLE_CONTENT, "Unprocessable Content", e.getMessage(),
                uri.getPath(), extra).build();
    }
}
