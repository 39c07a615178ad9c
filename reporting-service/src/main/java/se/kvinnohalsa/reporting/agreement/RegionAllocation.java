package se.kvinnohalsa.reporting.agreement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A region's published allocation for a year: the highest version seen in allocation.published events. */
@Entity
@Table(name = "region_allocation")
@IdClass(RegionAllocation.Key.class)
public class RegionAllocation extends PanacheEntityBase {
    @Id
    public Integer year;
    @Id
    @Column(name = "region_code")
    public String regionCode;
    public int version;
    @Column(name = "total_sek")
    public long totalSek;
    @Column(name = "published_at")
    public Instant publishedAt;

    public static List<RegionAllocation> of(int year) {
        return list("year", year);
    }

    public record Key(Integer year, String regionCode) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
