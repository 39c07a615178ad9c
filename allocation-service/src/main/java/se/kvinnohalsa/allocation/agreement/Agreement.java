package se.kvinnohalsa.allocation.agreement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A yearly agreement between the state and SKR. */
@Entity
public class Agreement extends PanacheEntityBase {

    @Id
    public Integer year;
    public String title;
    @Column(name = "total_sek")
    public long totalSek;
    @Column(name = "reporting_deadline")
    public LocalDate reportingDeadline;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;

    @ElementCollection
    @CollectionTable(name = "focus_area", joinColumns = @JoinColumn(name = "year"))
    @OrderColumn(name = "position")
    public List<FocusArea> focusAreas = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "agreement_condition", joinColumns = @JoinColumn(name = "year"))
    @OrderColumn(name = "position")
    @Column(name = "text")
    public List<String> conditions = new ArrayList<>();

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
