package se.kvinnohalsa.allocation.allocation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** One region's amount from one pool in one published version. */
@Entity
@Table(name = "published_allocation")
@IdClass(PublishedAllocation.Key.class)
public class PublishedAllocation extends PanacheEntityBase {
    @Id
    public Integer year;
    @Id
    public Integer version;
    @Id
    @Column(name = "region_code")
    public String regionCode;
    @Id
    @Column(name = "pool_code")
    public String poolCode;
    @Column(name = "amount_sek")
    public long amountSek;

    public record Key(Integer year, Integer version, String regionCode, String poolCode) implements Serializable {
        public Key() {
            this(null, null, null, null);
        }
    }
}
