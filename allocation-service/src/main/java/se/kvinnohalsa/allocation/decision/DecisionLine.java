package se.kvinnohalsa.allocation.decision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.List;

/**
 * One line of a region's decision. An entity of its own rather than an element collection: Hibernate 7 does not
 * load element collections keyed by a composite id here (the batch select finds no rows).
 */
@Entity
@Table(name = "region_decision_line")
@IdClass(DecisionLine.Key.class)
public class DecisionLine extends PanacheEntityBase {
    @Id
    public Integer year;
    @Id
    @Column(name = "region_code")
    public String regionCode;
    @Id
    public Integer position;
    public String unit;
    @Column(name = "amount_sek")
    public long amountSek;

    static List<DecisionLine> of(int year, String regionCode) {
        return list("year = ?1 and regionCode = ?2 order by position", year, regionCode);
    }

    static void deleteOf(int year, String regionCode) {
        delete("year = ?1 and regionCode = ?2", year, regionCode);
    }

    public record Key(Integer year, String regionCode, Integer position) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }
}
