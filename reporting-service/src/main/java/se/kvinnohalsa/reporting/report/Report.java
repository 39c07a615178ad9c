package se.kvinnohalsa.reporting.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A region's report for one agreement year. {@code version} numbers every change and is the ETag. */
@Entity
@Table(name = "report")
@IdClass(Report.Key.class)
public class Report extends PanacheEntityBase {
    @Id
    public Integer year;
    @Id
    @Column(name = "region_code")
    public String regionCode;
    @Enumerated(EnumType.STRING)
    public ReportStatus status;
    public int version;
    /** The content as the region sent it (ReportRequest as JSON). */
    public String content;
    @Enumerated(EnumType.STRING)
    @Column(name = "spending_split")
    public SpendingSplit spendingSplit;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "first_submitted_at")
    public Instant firstSubmittedAt;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "submitted_by")
    public String submittedBy;
    public boolean late;
    @Column(name = "review_decision")
    public String reviewDecision;
    @Column(name = "review_comment")
    public String reviewComment;
    @Column(name = "reviewed_at")
    public Instant reviewedAt;
    @Column(name = "reviewed_by")
    public String reviewedBy;

    public static Report find(int year, String regionCode) {
        return findById(new Key(year, regionCode));
    }

    public static List<Report> ofYear(int year) {
        return list("year", year);
    }

    public record Key(Integer year, String regionCode) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
