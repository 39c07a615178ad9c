package se.kvinnohalsa.indicators.catalog;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import se.kvinnohalsa.indicators.read.ReadModelVersion;
import se.kvinnohalsa.support.problem.FieldError;
import se.kvinnohalsa.support.problem.InvalidContentException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class CatalogService {

    private static final int CONFLICT = 409;

    @Inject
    Clock clock;

    @Inject
    ReadModelVersion readModel;

    public List<IndicatorView> list() {
        return Indicator.<Indicator>listAll(Sort.by("code")).stream().map(IndicatorView::of).toList();
    }

    public IndicatorView get(String code) {
        return IndicatorView.of(require(code));
    }

    /** 404 unless the catalog has the indicator. */
    public static Indicator require(String code) {
        Indicator indicator = code == null ? null : Indicator.findById(code);
        if (indicator == null) {
            throw new NotFoundException(
                    "No indicator with code '" + code + "' in the catalog (GET /api/v1/indicators)");
        }
        return indicator;
    }

    public record Saved(IndicatorView view, boolean created) {
    }

    @Transactional
    public Saved put(String code, IndicatorRequest request, String changedBy) {
        List<FieldError> errors = CatalogRules.check(code, request);
        if (!errors.isEmpty()) {
            throw new InvalidContentException("The definition breaks " + errors.size() + " rule(s)", errors);
        }
        if (!code.matches(IndicatorRequest.CODE)) {
            throw new InvalidContentException("code", "upper-case letters, digits and _, e.g. EFTERVARDSBESOK");
        }
        Indicator indicator = Indicator.findById(code);
        boolean created = indicator == null;
        if (created) {
            indicator = new Indicator();
            indicator.code = code;
        } else {
            List<String> newGroups = CatalogRules.groups(request.groups());
            if (indicator.periodType != request.periodType() && hasObservations(code)) {
                throw new ClientErrorException("The indicator has observations of period type " + indicator.periodType
                        + "; its period type cannot change", CONFLICT);
            }
            List<String> dropped = indicator.groups.stream().filter(g -> !newGroups.contains(g)).toList();
            if (!dropped.isEmpty() && hasObservations(code, dropped)) {
                throw new ClientErrorException("The indicator has observations of the group(s) " + dropped
                        + "; they cannot be removed", CONFLICT);
            }
        }
        indicator.name = request.name().strip();
        indicator.description = request.description().strip();
        indicator.unit = request.unit();
        indicator.source = request.source().strip();
        indicator.periodType = request.periodType();
        indicator.targetOperator = request.target() == null ? null : request.target().operator();
        indicator.targetValue = request.target() == null ? null : request.target().value();
        indicator.groups.clear();
        indicator.groups.addAll(CatalogRules.groups(request.groups()));
        indicator.changedAt = Instant.now(clock);
        indicator.changedBy = changedBy;
        indicator.persist();
        readModel.bump();
        return new Saved(IndicatorView.of(indicator), created);
    }

    private static boolean hasObservations(String code) {
        return ((Number) Indicator.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM observation WHERE indicator_code = :code")
                .setParameter("code", code).getSingleResult()).longValue() > 0;
    }

    private static boolean hasObservations(String code, List<String> groups) {
        return ((Number) Indicator.getEntityManager()
                .createNativeQuery(
                        "SELECT count(*) FROM observation WHERE indicator_code = :code AND group_code IN (:groups)")
                .setParameter("code", code).setParameter("groups", groups).getSingleResult()).longValue() > 0;
    }
}
