package se.kvinnohalsa.indicators.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import se.kvinnohalsa.indicators.period.PeriodType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An indicator definition of the catalog. */
@Entity
public class Indicator extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    public String description;
    @Enumerated(EnumType.STRING)
    public Unit unit;
    public String source;
    @Enumerated(EnumType.STRING)
    @Column(name = "period_type")
    public PeriodType periodType;
    @Column(name = "target_operator")
    public String targetOperator;
    @Column(name = "target_value")
    public BigDecimal targetValue;
    @Column(name = "changed_at")
    public Instant changedAt;
    @Column(name = "changed_by")
    public String changedBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "indicator_group", joinColumns = @JoinColumn(name = "indicator_code"))
    @OrderColumn(name = "position")
    @Column(name = "group_code")
    public List<String> groups = new ArrayList<>();

    public Target target() {
        if (targetOperator == null) {
            return null;
        }
        // numeric(12,3) comes back as 90.000: shown as 90, as it was defined
        BigDecimal value = targetValue.stripTrailingZeros();
        return new Target(targetOperator, value.scale() < 0 ? value.setScale(0) : value);
    }
}
