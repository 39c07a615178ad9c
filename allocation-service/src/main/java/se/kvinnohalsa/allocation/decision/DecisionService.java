package se.kvinnohalsa.allocation.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import se.kvinnohalsa.allocation.agreement.AgreementService;
import se.kvinnohalsa.allocation.allocation.AllocationService;
import se.kvinnohalsa.allocation.region.Regions;
import se.kvinnohalsa.events.contract.DecisionRecordedV1;
import se.kvinnohalsa.support.outbox.Outbox;
import se.kvinnohalsa.support.problem.FieldError;
import se.kvinnohalsa.support.problem.InvalidContentException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class DecisionService {

    private static final int CONFLICT = 409;

    @Inject
    Clock clock;

    @Inject
    AllocationService allocations;

    @Inject
    Regions regions;

    @Inject
    Outbox outbox;

    public record Recorded(DecisionView decision, boolean created) {
    }

    /** Checks that the year and region exist (404) before anything else is looked at. */
    public void requireYearAndRegion(int year, String regionCode) {
        AgreementService.require(year);
        regions.require(regionCode);
    }

    @Transactional
    public Recorded record(int year, String regionCode, DecisionRequest request, String recordedBy) {
        requireYearAndRegion(year, regionCode);
        long total = allocations.publishedTotal(year, regionCode).orElseThrow(() -> new ClientErrorException(
                "The allocations of " + year + " are not published yet: a decision needs the region's published total",
                CONFLICT));
        List<FieldError> errors = DecisionRules.check(request, total);
        if (!errors.isEmpty()) {
            throw new InvalidContentException(errors.get(errors.size() - 1).message(), errors);
        }
        RegionDecision decision = RegionDecision.findById(new RegionDecision.Key(year, regionCode));
        boolean created = decision == null;
        if (created) {
            decision = new RegionDecision();
            decision.year = year;
            decision.regionCode = regionCode;
        }
        decision.reference = request.reference().strip();
        decision.decidedOn = request.decidedOn();
        decision.decidedBy = request.decidedBy().strip();
        decision.totalSek = total;
        decision.recordedAt = Instant.now(clock);
        decision.recordedBy = recordedBy;
        decision.persist();
        DecisionLine.deleteOf(year, regionCode);
        for (int i = 0; i < request.lines().size(); i++) {
            DecisionLine line = new DecisionLine();
            line.year = year;
            line.regionCode = regionCode;
            line.position = i;
            line.unit = request.lines().get(i).unit().strip();
            line.amountSek = request.lines().get(i).amountSek();
            line.persist();
        }
        RegionDecision.getEntityManager().flush();
        DecisionView view = view(decision);
        outbox.publish(new DecisionRecordedV1(year, regionCode, view.reference(), view.decidedOn(), view.decidedBy(),
                view.totalSek(),
                view.lines().stream().map(l -> new DecisionRecordedV1.Line(l.unit(), l.amountSek())).toList()));
        return new Recorded(view, created);
    }

    public DecisionView get(int year, String regionCode) {
        requireYearAndRegion(year, regionCode);
        RegionDecision decision = RegionDecision.findById(new RegionDecision.Key(year, regionCode));
        if (decision == null) {
            throw new NotFoundException("Region " + regionCode + " has recorded no decision for " + year);
        }
        return view(decision);
    }

    private static DecisionView view(RegionDecision d) {
        return new DecisionView(d.year, d.regionCode, d.reference, d.decidedOn, d.decidedBy, d.totalSek,
                DecisionLine.of(d.year, d.regionCode).stream().map(l -> new DecisionView.Line(l.unit, l.amountSek))
                        .toList(),
                d.recordedAt, d.recordedBy);
    }
}
