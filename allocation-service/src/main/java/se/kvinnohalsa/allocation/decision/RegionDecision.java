package se.kvinnohalsa.allocation.decision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

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

    public record Key(Integer year, String regionCode) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
