package se.kvinnohalsa.indicators.catalog;

import se.kvinnohalsa.support.problem.FieldError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Rules of a definition beyond its shape; every broken rule is reported. */
public final class CatalogRules {

    public static final String ALL = "ALL";

    private CatalogRules() {
    }

    public static List<FieldError> check(String pathCode, IndicatorRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.code() != null && !request.code().equals(pathCode)) {
            errors.add(new FieldError("code", "'" + request.code() + "' differs from the path's code " + pathCode));
        }
        if (request.target() != null && request.target().value() != null && request.unit() != null
                && !request.unit().contains(request.target().value())) {
            errors.add(new FieldError("target.value",
                    "must be " + request.unit().range() + " for unit " + request.unit()));
        }
        if (request.groups() != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < request.groups().size(); i++) {
                String group = request.groups().get(i);
                if (group != null && !seen.add(group)) {
                    errors.add(new FieldError("groups[" + i + "]", "group " + group + " is listed twice"));
                }
            }
        }
        return errors;
    }

    /** The groups in order, with ALL first whether or not the request named it. */
    public static List<String> groups(List<String> requested) {
        List<String> groups = new ArrayList<>();
        groups.add(ALL);
        if (requested != null) {
            requested.stream().filter(g -> !ALL.equals(g)).forEach(groups::add);
        }
        return groups;
    }
}
