package se.kvinnohalsa.allocation.agreement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/** One region's entry in a pool's key: its weight, or its fixed amount. */
@Entity
@Table(name = "pool_key_entry")
@IdClass(PoolKeyEntry.Key.class)
public class PoolKeyEntry extends PanacheEntityBase {

    @Id
    public Integer year;
    @Id
    @Column(name = "pool_code")
    public String poolCode;
    @Id
    @Column(name = "region_code")
    public String regionCode;
    public BigDecimal weight;
    @Column(name = "amount_sek")
    public Long amountSek;

    public static List<PoolKeyEntry> of(int year) {
        return list("year = ?1 order by poolCode, regionCode", year);
    }

    public record Key(Integer year, String poolCode, String regionCode) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }
}
