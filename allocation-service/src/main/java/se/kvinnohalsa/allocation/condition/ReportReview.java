package se.kvinnohalsa.allocation.condition;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** allocation-service's own copy of the latest review of a region's report, from report.reviewed events. */
@Entity
@Table(name = "report_review")
@IdClass(ReportReview.Key.class)
public class ReportReview extends PanacheEntityBase {
    @Id
    public Integer year;
    @Id
    @Column(name = "region_code")
    public String regionCode;
    public String status;
    @Column(name = "has_workforce_plan")
    public boolean hasWorkforcePlan;
    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    public record Key(Integer year, String regionCode) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
