package se.kvinnohalsa.gateway.followup;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.kvinnohalsa.gateway.routing.GatewayConfig;

import java.time.Clock;
import java.util.concurrent.CompletionException;

/** A year's follow-up in a format: from the cache, or fetched, assembled and rendered (off the event loop). */
@ApplicationScoped
public class FollowUpService {

    @Inject
    GatewayConfig config;

    @Inject
    Clock clock;

    @Inject
    SourceFetcher fetcher;

    @Inject
    FollowUpDocuments documents;

    private FollowUpCache cache;
    private FollowUpAssembler assembler;

    @PostConstruct
    void init() {
        cache = new FollowUpCache(clock, config.followUp().maxAge(), config.followUp().maxYears());
        assembler = new FollowUpAssembler(config.followUp().largeSharePercent());
    }

    /** Fails with NoAgreementException (404) or SourceUnavailableException (503). */
    public Uni<FollowUpCache.Document> document(int year, Format format, String requestId) {
        return Uni.createFrom()
                .completionStage(() -> cache.get(year, () -> fetcher.fetch(year, requestId)
                        .emitOn(Infrastructure.getDefaultWorkerPool()).map(assembler::assemble)
                        .subscribeAsCompletionStage()))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(built -> built.document(format, f -> documents.render(built.report(), f)))
                .onFailure(CompletionException.class).transform(Throwable::getCause);
    }

    public FollowUpCache cache() {
        return cache;
    }
}
