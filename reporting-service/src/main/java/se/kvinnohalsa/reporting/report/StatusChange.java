package se.kvinnohalsa.reporting.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** One entry of a report's audit trail: who changed its status, when, from what to what, and why. */
@Entity
@Table(name = "report_status_change")
public class StatusChange extends PanacheEntityBase {

    public enum Action {
        CREATED, SUBMITTED, ACCEPTED, RETURNED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Integer year;
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "changed_at")
    public Instant changedAt;
    @Column(name = "changed_by")
    public String changedBy;
    @Enumerated(EnumType.STRING)
    public Action action;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ReportStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public ReportStatus toStatus;
    public String comment;

    public static void record(Report report, Action action, ReportStatus from, Instant at, String by, String comment) {
        StatusChange change = new StatusChange();
        change.year = report.year;
        change.regionCode = report.regionCode;
        change.changedAt = at;
        change.changedBy = by;
        change.action = action;
        change.fromStatus = from;
        change.toStatus = report.status;
        change.comment = comment;
        change.persist();
    }

    public static List<StatusChange> of(int year, String regionCode) {
        return list("year = ?1 and regionCode = ?2 order by id", year, regionCode);
    }
}
