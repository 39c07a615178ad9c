package se.kvinnohalsa.reporting.agreement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reporting's own copy of an agreement year, from agreement.changed events. */
@Entity
@Table(name = "agreement")
public class KnownAgreement extends PanacheEntityBase {

    @Id
    public Integer year;
    public String title;
    @Column(name = "total_sek")
    public long totalSek;
    @Column(name = "reporting_deadline")
    public LocalDate reportingDeadline;
    @Column(name = "changed_at")
    public Instant changedAt;

    @ElementCollection
    @CollectionTable(name = "agreement_focus_area", joinColumns = @JoinColumn(name = "year"))
    @OrderColumn(name = "position")
    public List<FocusArea> focusAreas = new ArrayList<>();

    public List<String> focusAreaCodes() {
        return focusAreas.stream().map(f -> f.code).toList();
    }

    @Embeddable
    public static class FocusArea {
        public String code;
        public String name;

        public FocusArea() {
        }

        public FocusArea(String code, String name) {
            this.code = code;
            this.name = name;
        }
    }
}
