package se.kvinnohalsa.reporting.region;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import java.util.List;

/** The region reference data. */
@ApplicationScoped
public class Regions {

    public List<Region> all() {
        return Region.listAll(Sort.by("code"));
    }

    /** 404 for a region code in a path that names no region. */
    public Region require(String code) {
        Region region = code == null ? null : Region.findById(code);
        if (region == null) {
            throw new NotFoundException("No region with code '" + code + "' (two-digit county codes such as 01 or 23)");
        }
        return region;
    }
}
