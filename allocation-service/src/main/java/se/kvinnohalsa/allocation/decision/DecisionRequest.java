package se.kvinnohalsa.allocation.decision;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import se.kvinnohalsa.support.money.Kronor;

import java.time.LocalDate;
import java.util.List;

/**
 * A region's decision on how its money goes to its units. Limits: 100 lines, unit names of 200 characters, amounts
 * 0 ... 10^13 SEK ({@link Kronor#MAX_SEK}) and, by the rules, at most the region's published total.
 */
public record DecisionRequest(@NotBlank @Size(max = 100) String reference,
        @NotNull LocalDate decidedOn,
        @NotBlank @Size(max = 200) String decidedBy,
        @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid Line> lines) {

    public record Line(@NotBlank @Size(max = 200) String unit,
            @NotNull @PositiveOrZero @Max(Kronor.MAX_SEK) Long amountSek) {
    }
}
