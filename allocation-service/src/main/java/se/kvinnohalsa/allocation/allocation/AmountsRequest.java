package se.kvinnohalsa.allocation.allocation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import se.kvinnohalsa.support.money.Kronor;

import java.util.List;

/** Fixed amounts of one pool, as an agreement sometimes publishes them: they must add up exactly to the pool. */
public record AmountsRequest(@NotNull @Size(min = 1, max = 21) List<@NotNull @Valid Amount> amounts) {

    public record Amount(@NotBlank String regionCode,
            @NotNull @PositiveOrZero @Max(Kronor.MAX_SEK) Long amountSek) {
    }
}
