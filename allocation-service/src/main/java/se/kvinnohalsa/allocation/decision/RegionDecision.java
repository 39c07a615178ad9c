package se.kvinnohalsa.allocation.decision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A region's own split of its money to its units for one year. */
@Entity
@Table(name = "region_decision")
@IdClass(RegionDecision.Key.class)
public class RegionDecision extends PanacheEntityBase {
    @Id
    public Integer year;
    @Id
    @Column(name = "region_code")
    public String regionCode;
    public String reference;
    @Column(name = "decided_on")
    public LocalDate decidedOn;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "total_sek")
    public long totalSek;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "recorded_by")
    public String recordedBy;

    @ElementCollection
    @CollectionTable(name = "region_decision_line", joinColumns = {
            @JoinColumn(name = "year", referencedColumnName = "year"),
            @JoinColumn(name = "region_code", referencedColumnName = "region_code")})
    @OrderColumn(name = "position")
    public List<Line> lines = new ArrayList<>();

    @Embeddable
    public static class Line {
        public String unit;
        @Column(name = "amount_sek")
        public long amountSek;

        public Line() {
        }

        public Line(String unit, long amountSek) {
            this.unit = unit;
            this.amountSek = amountSek;
        }
    }

    public record Key(Integer year, String regionCode) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
