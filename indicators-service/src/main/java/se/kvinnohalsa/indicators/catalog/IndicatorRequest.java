package se.kvinnohalsa.indicators.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import se.kvinnohalsa.indicators.period.PeriodType;

import java.math.BigDecimal;
import java.util.List;

/** A definition as an admin PUTs it; the code is the path's. Target may be null (no national target). */
public record IndicatorRequest(
        @Pattern(regexp = CODE, message = "upper-case letters, digits and _, e.g. EFTERVARDSBESOK") String code,
        @NotBlank @Size(max = 300) String name,
        @NotBlank @Size(max = 4000) String description,
        @NotNull Unit unit,
        @NotBlank @Size(max = 300) String source,
        @NotNull PeriodType periodType,
        @Valid TargetRequest target,
        @Size(max = 50) List<@NotNull @Pattern(regexp = CODE, message = "upper-case letters, digits and _, e.g. BORN_ABROAD") String> groups) {

    public static final String CODE = "[A-Z][A-Z0-9_]{0,49}";

    public record TargetRequest(@NotNull @Pattern(regexp = ">=|<=", message = "must be >= or <=") String operator,
            @NotNull BigDecimal value) {
    }
}
