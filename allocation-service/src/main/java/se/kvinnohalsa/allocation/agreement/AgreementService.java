package se.kvinnohalsa.allocation.agreement;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import se.kvinnohalsa.events.contract.AgreementChangedV1;
import se.kvinnohalsa.support.outbox.Outbox;
import se.kvinnohalsa.support.problem.FieldError;
import se.kvinnohalsa.support.problem.InvalidContentException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class AgreementService {

    private static final int CONFLICT = 409;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Transactional
    public AgreementView create(AgreementRequest request, String createdBy) {
        List<FieldError> errors = AgreementRules.check(request);
        if (!errors.isEmpty()) {
            throw new InvalidContentException("The agreement breaks " + errors.size() + " rule(s)", errors);
        }
        // Taken under a lock on the year, so that two admins creating the same year cannot both succeed.
        Agreement.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(:year)")
                .setParameter("year", request.year()).getSingleResult();
        if (Agreement.findById(request.year()) != null) {
            throw new ClientErrorException("An agreement for " + request.year() + " exists already", CONFLICT);
        }
        Agreement agreement = new Agreement();
        agreement.year = request.year();
        agreement.title = request.title().strip();
        agreement.totalSek = request.totalSek();
        agreement.reportingDeadline = request.reportingDeadline();
        agreement.createdAt = Instant.now(clock);
        agreement.createdBy = createdBy;
        request.focusAreas()
                .forEach(f -> agreement.focusAreas.add(new Agreement.FocusArea(f.code(), f.name().strip())));
        if (request.conditions() != null) {
            request.conditions().forEach(c -> agreement.conditions.add(c.strip()));
        }
        agreement.persist();
        for (int i = 0; i < request.pools().size(); i++) {
            AgreementPool pool = new AgreementPool();
            pool.year = agreement.year;
            pool.code = request.pools().get(i).code();
            pool.amountSek = request.pools().get(i).amountSek();
            pool.position = i;
            pool.persist();
        }
        AgreementView view = view(agreement, AgreementPool.of(agreement.year));
        outbox.publish(event(view));
        return view;
    }

    public List<AgreementView> list() {
        return Agreement.<Agreement>listAll(Sort.by("year")).stream()
                .map(a -> view(a, AgreementPool.of(a.year))).toList();
    }

    public AgreementView get(int year) {
        return view(require(year), AgreementPool.of(year));
    }

    /** 404 unless the year has an agreement. */
    public static Agreement require(int year) {
        Agreement agreement = Agreement.findById(year);
        if (agreement == null) {
            throw new NotFoundException("No agreement for the year " + year);
        }
        return agreement;
    }

    /** 404 unless the agreement of the year has the pool. */
    public static AgreementPool requirePool(int year, String code) {
        require(year);
        AgreementPool pool = AgreementPool.findById(new AgreementPool.Key(year, code));
        if (pool == null) {
            throw new NotFoundException("The agreement for " + year + " has no pool '" + code + "'");
        }
        return pool;
    }

    static AgreementView view(Agreement agreement, List<AgreementPool> pools) {
        return new AgreementView(agreement.year, agreement.title, agreement.totalSek, agreement.reportingDeadline,
                pools.stream().map(p -> new AgreementView.Pool(p.code, p.amountSek, p.keyKind.name())).toList(),
                agreement.focusAreas.stream().map(f -> new AgreementView.FocusArea(f.code, f.name)).toList(),
                List.copyOf(agreement.conditions));
    }

    static AgreementChangedV1 event(AgreementView view) {
        return new AgreementChangedV1(view.year(), view.title(), view.totalSek(), view.reportingDeadline(),
                view.pools().stream().map(p -> new AgreementChangedV1.Pool(p.code(), p.amountSek())).toList(),
                view.focusAreas().stream().map(f -> new AgreementChangedV1.FocusArea(f.code(), f.name())).toList(),
                view.conditions());
    }
}
