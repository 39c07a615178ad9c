package se.kvinnohalsa.allocation.agreement;

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

/** One pool of an agreement, e.g. POPULATION or RURAL, and how it is split over the regions. */
@Entity
@Table(name = "agreement_pool")
@IdClass(AgreementPool.Key.class)
public class AgreementPool extends PanacheEntityBase {

    @Id
    public Integer year;
    @Id
    public String code;
    @Column(name = "amount_sek")
    public long amountSek;
    public int position;
    @Enumerated(EnumType.STRING)
    @Column(name = "key_kind")
    public KeyKind keyKind = KeyKind.NONE;
    @Column(name = "key_changed_at")
    public Instant keyChangedAt;

    public static List<AgreementPool> of(int year) {
        return list("year = ?1 order by position", year);
    }

    public record Key(Integer year, String code) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
