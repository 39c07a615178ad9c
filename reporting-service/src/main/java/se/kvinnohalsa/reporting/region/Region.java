package se.kvinnohalsa.reporting.region;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** One of the 21 regions: reference data loaded by a migration. */
@Entity
public class Region extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    @Column(name = "official_name")
    public String officialName;
}
