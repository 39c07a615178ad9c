package se.kvinnohalsa.indicators.region;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.NotFoundException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The region reference data (migration V1): the 21 regions and SE. Read once: it changes only by migration. */
@ApplicationScoped
public class Regions {

    public static final String NATIONAL = "SE";

    @Inject
    EntityManager entityManager;

    private volatile Map<String, String> names;

    /** Region code to name, in code order, SE last. */
    public Map<String, String> names() {
        Map<String, String> loaded = names;
        if (loaded == null) {
            Map<String, String> map = new LinkedHashMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery(
                    "SELECT code, name FROM region ORDER BY national, code").getResultList();
            rows.forEach(r -> map.put((String) r[0], (String) r[1]));
            loaded = Collections.unmodifiableMap(map);
            names = loaded;
        }
        return loaded;
    }

    public Set<String> codesWithNational() {
        return names().keySet();
    }

    /** 404 unless the code names a region or SE. */
    public String require(String code) {
        if (code == null || !names().containsKey(code)) {
            throw new NotFoundException(
                    "No region with code '" + code + "' (two-digit county codes such as 01 or 23, or SE)");
        }
        return code;
    }
}
