package se.kvinnohalsa.allocation.agreement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import se.kvinnohalsa.support.money.Kronor;

import java.time.LocalDate;
import java.util.List;

/**
 * A new agreement year, as an admin posts it. Limits: 20 pools, 30 focus areas, 50 conditions of 2,000 characters;
 * amounts 0 ... 10^13 SEK ({@link Kronor#MAX_SEK}).
 */
public record AgreementRequest(
        @NotNull @Min(2015) @Max(2100) Integer year,
        @NotBlank @Size(max = 300) String title,
        @NotNull @PositiveOrZero @Max(Kronor.MAX_SEK) Long totalSek,
        @NotNull LocalDate reportingDeadline,
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid Pool> pools,
        @NotNull @Size(min = 1, max = 30) List<@NotNull @Valid FocusArea> focusAreas,
        @Size(max = 50) List<@NotBlank @Size(max = 2000) String> conditions) {

    public static final String CODE = "[A-Z][A-Z0-9_]{0,49}";

    public record Pool(
            @NotBlank @Pattern(regexp = CODE, message = "upper-case letters, digits and _, e.g. POPULATION") String code,
            @NotNull @PositiveOrZero @Max(Kronor.MAX_SEK) Long amountSek) {
    }

    public record FocusArea(
            @NotBlank @Pattern(regexp = CODE, message = "upper-case letters, digits and _, e.g. EFTERVARD") String code,
            @NotBlank @Size(max = 500) String name) {
    }
}
