package se.kvinnohalsa.allocation.allocation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** One published version of a year's allocations; never changed once written. */
@Entity
@Table(name = "allocation_publication")
@IdClass(AllocationPublication.Key.class)
public class AllocationPublication extends PanacheEntityBase {
    @Id
    public Integer year;
    @Id
    public Integer version;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "published_by")
    public String publishedBy;
    @Column(name = "total_sek")
    public long totalSek;

    public record Key(Integer year, Integer version) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
