package se.kvinnohalsa.allocation.agreement;

import se.kvinnohalsa.support.money.Kronor;
import se.kvinnohalsa.support.problem.FieldError;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Rules of a new agreement beyond the shape of the request; every broken rule is reported. */
public final class AgreementRules {

    private AgreementRules() {
    }

    public static List<FieldError> check(AgreementRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> poolCodes = new HashSet<>();
        for (int i = 0; i < request.pools().size(); i++) {
            AgreementRequest.Pool pool = request.pools().get(i);
            if (!poolCodes.add(pool.code())) {
                errors.add(new FieldError("pools[" + i + "].code", "pool " + pool.code() + " is listed twice"));
            }
        }
        // Exact, so that no choice of amounts can make the pools "fit" by wrapping around.
        BigInteger pools = Kronor.exactSum(request.pools().stream().map(AgreementRequest.Pool::amountSek).toList());
        if (pools.compareTo(BigInteger.valueOf(request.totalSek())) > 0) {
            errors.add(new FieldError("pools", "the pools add up to " + pools + " SEK, more than the total "
                    + request.totalSek() + " SEK"));
        }
        Set<String> focusAreaCodes = new HashSet<>();
        for (int i = 0; i < request.focusAreas().size(); i++) {
            String code = request.focusAreas().get(i).code();
            if (!focusAreaCodes.add(code)) {
                errors.add(new FieldError("focusAreas[" + i + "].code", "focus area " + code + " is listed twice"));
            }
        }
        if (request.reportingDeadline().getYear() < request.year()) {
            errors.add(new FieldError("reportingDeadline", "the deadline must fall in or after the agreement year "
                    + request.year()));
        }
        return errors;
    }
}
