package se.kvinnohalsa.allocation.allocation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/** The distribution key of one pool: one weight per region (population, or the rural key); absent regions weigh 0. */
public record KeyRequest(@NotNull @Size(min = 1, max = 21) List<@NotNull @Valid Weight> weights) {

    public record Weight(@NotBlank String regionCode,
            @NotNull @DecimalMin("0") @DecimalMax("1000000000000000") BigDecimal weight) {
    }
}
