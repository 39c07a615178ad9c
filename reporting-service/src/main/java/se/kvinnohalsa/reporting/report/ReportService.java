package se.kvinnohalsa.reporting.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import se.kvinnohalsa.events.contract.ReportReviewedV1;
import se.kvinnohalsa.events.contract.ReportSubmittedV1;
import se.kvinnohalsa.reporting.ReportingConfig;
import se.kvinnohalsa.reporting.agreement.Agreements;
import se.kvinnohalsa.reporting.agreement.KnownAgreement;
import se.kvinnohalsa.reporting.region.Regions;
import se.kvinnohalsa.support.json.StoredJson;
import se.kvinnohalsa.support.outbox.Outbox;
import se.kvinnohalsa.support.problem.FieldError;
import se.kvinnohalsa.support.problem.InvalidContentException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A report's life: drafts replaced under optimistic locking, submission, review; every status change audited. */
@ApplicationScoped
public class ReportService {

    @Inject
    ReportingConfig config;

    @Inject
    Agreements agreements;

    @Inject
    Regions regions;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    public record Saved(ReportView report, boolean created) {
    }

    /** 404 for a year no agreement is known for, or a code that names no region. */
    public KnownAgreement requireYearAndRegion(int year, String regionCode) {
        KnownAgreement agreement = agreements.require(year);
        regions.require(regionCode);
        return agreement;
    }

    /** Bean validation of the body, after the caller's access was checked (so a stranger learns nothing from 422s). */
    public void validateShape(ReportRequest request) {
        if (request == null) {
            throw new InvalidContentException("body", "a report (JSON object)");
        }
        Set<ConstraintViolation<ReportRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    @Transactional
    public Saved put(int year, String regionCode, ReportRequest request, String ifMatch, String user) {
        KnownAgreement agreement = requireYearAndRegion(year, regionCode);
        lock(year, regionCode);
        Report report = Report.find(year, regionCode);
        boolean created = report == null;
        if (created) {
            if (ETags.ifMatch(ifMatch).isPresent()) {
                throw new ClientErrorException("There is no report of " + regionCode + " for " + year
                        + " yet: send the first version without If-Match", Response.Status.PRECONDITION_FAILED);
            }
        } else {
            ETags.require(ifMatch, report);
            if (!report.status.editable()) {
                throw conflict("The report is " + report.status
                        + ": it can be changed only as a draft or after the board returned it");
            }
        }
        List<FieldError> errors = ReportRules.checkDraft(request, agreement.focusAreaCodes());
        if (!errors.isEmpty()) {
            throw new InvalidContentException("The report breaks " + errors.size() + " rule(s)", errors);
        }
        Instant now = clock.instant();
        if (created) {
            report = new Report();
            report.year = year;
            report.regionCode = regionCode;
            report.status = ReportStatus.DRAFT;
            report.version = 1;
            report.createdAt = now;
        } else {
            report.version++;
        }
        report.content = write(request);
        report.spendingSplit = SpendingSplit.of(request.spending());
        report.updatedAt = now;
        report.updatedBy = user;
        report.persist();
        if (created) {
            StatusChange.record(report, StatusChange.Action.CREATED, null, now, user, null);
        }
        return new Saved(view(report), created);
    }

    public ReportView get(int year, String regionCode) {
        requireYearAndRegion(year, regionCode);
        return view(require(year, regionCode));
    }

    public StatusView status(int year, String regionCode) {
        requireYearAndRegion(year, regionCode);
        return StatusView.of(year, regionCode, Report.find(year, regionCode),
                agreements.allocations(year).get(regionCode));
    }

    public List<HistoryView> history(int year, String regionCode) {
        requireYearAndRegion(year, regionCode);
        require(year, regionCode);
        return StatusChange.of(year, regionCode).stream().map(HistoryView::of).toList();
    }

    /**
     * Submits the report. {@code receivedAt} (admins only, checked by the caller): when a report that came by other
     * means was received; it stands for the submission time, lateness included, and the audit trail says who
     * recorded it and when.
     */
    @Transactional
    public ReportView submit(int year, String regionCode, String ifMatch, String user, Instant receivedAt) {
        KnownAgreement agreement = requireYearAndRegion(year, regionCode);
        lock(year, regionCode);
        Report report = require(year, regionCode);
        ETags.check(ifMatch, report);
        if (!report.status.editable()) {
            throw conflict("The report is " + report.status
                    + " already: it can be submitted again only after the board returns it");
        }
        ReportRequest content = read(report.content);
        List<FieldError> errors = ReportRules.checkSubmission(content, agreement.focusAreaCodes());
        if (!errors.isEmpty()) {
            throw new InvalidContentException(
                    "The report is not ready for submission: " + errors.size() + " problem(s)", errors);
        }
        Instant recordedAt = clock.instant();
        if (receivedAt != null && receivedAt.isAfter(recordedAt)) {
            throw new InvalidContentException("receivedAt", "must not be in the future");
        }
        Instant now = receivedAt == null ? recordedAt : receivedAt;
        ReportStatus from = report.status;
        if (report.firstSubmittedAt == null) {
            // Lateness is decided by the first submission: a report returned and completed later is not late for that.
            report.firstSubmittedAt = now;
            report.late = Lateness.isLate(now, agreement.reportingDeadline, config.deadlineZone());
        }
        report.submittedAt = now;
        report.submittedBy = user;
        report.status = ReportStatus.SUBMITTED;
        report.version++;
        report.updatedAt = now;
        report.updatedBy = user;
        StatusChange.record(report, StatusChange.Action.SUBMITTED, from, now, user,
                receivedAt == null ? null : "received " + receivedAt + ", recorded " + recordedAt);
        outbox.publish(new ReportSubmittedV1(year, regionCode, now, report.late,
                content.spending() == null ? null : content.spending().totalSpentSek(),
                report.spendingSplit == SpendingSplit.FULLY_SPLIT,
                content.postpartum() == null ? null : content.postpartum().visitSharePercent(),
                ReportRules.hasWorkforcePlan(content)));
        return view(report);
    }

    /** The board's decision on a submitted report: ACCEPT, or RETURN with a comment so the region can complete it. */
    @Transactional
    public ReportView review(int year, String regionCode, ReviewDecision decision, String comment, String ifMatch,
            String user) {
        requireYearAndRegion(year, regionCode);
        lock(year, regionCode);
        Report report = require(year, regionCode);
        ETags.check(ifMatch, report);
        if (report.status != ReportStatus.SUBMITTED) {
            throw conflict("Only a submitted report can be reviewed; this one is " + report.status);
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (decision == ReviewDecision.RETURN && text == null) {
            throw new InvalidContentException("comment", "say what the region must complete or change");
        }
        Instant now = clock.instant();
        ReportStatus from = report.status;
        report.status = decision == ReviewDecision.ACCEPT ? ReportStatus.ACCEPTED : ReportStatus.RETURNED;
        report.reviewDecision = decision.name();
        report.reviewComment = text;
        report.reviewedAt = now;
        report.reviewedBy = user;
        report.version++;
        StatusChange.record(report, decision == ReviewDecision.ACCEPT
                ? StatusChange.Action.ACCEPTED
                : StatusChange.Action.RETURNED, from, now, user, text);
        outbox.publish(new ReportReviewedV1(year, regionCode, decision.name(), report.status.name(), text, now, user,
                ReportRules.hasWorkforcePlan(read(report.content))));
        return view(report);
    }

    /** The stored content of a report, for the summary. */
    public ReportRequest content(Report report) {
        return read(report.content);
    }

    private static Report require(int year, String regionCode) {
        Report report = Report.find(year, regionCode);
        if (report == null) {
            throw new NotFoundException("Region " + regionCode + " has no report for " + year + " yet (PUT one first)");
        }
        return report;
    }

    /** Serialises every change of one report (and the creation of a new one) across requests and replicas. */
    private static void lock(int year, String regionCode) {
        Report.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(:year, :region)")
                .setParameter("year", year).setParameter("region", Integer.parseInt(regionCode)).getSingleResult();
    }

    private static ClientErrorException conflict(String message) {
        return new ClientErrorException(message, Response.Status.CONFLICT);
    }

    ReportView view(Report r) {
        ReportRequest c = read(r.content);
        ReportView.Review review = r.reviewedAt == null
                ? null
                : new ReportView.Review(r.reviewDecision, r.reviewComment, r.reviewedAt, r.reviewedBy);
        return new ReportView(r.year, r.regionCode, r.status, r.version, r.firstSubmittedAt, r.submittedAt,
                r.submittedBy, r.late, r.spendingSplit == SpendingSplit.FULLY_SPLIT, r.spendingSplit,
                c.spending() == null ? null : c.spending().totalSpentSek(),
                c.spending(), c.activities(), c.situationAnalysis(), c.workforcePlan(), c.postpartum(), review,
                r.createdAt, r.updatedAt, r.updatedBy);
    }

    private String write(ReportRequest request) {
        return StoredJson.write(json, request);
    }

    /** Leniently: a report stored before ReportRequest gained or lost a field stays readable. */
    private ReportRequest read(String content) {
        return StoredJson.read(json, content, ReportRequest.class);
    }
}
