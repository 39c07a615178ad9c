package se.kvinnohalsa.allocation.region;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The region reference data. */
@ApplicationScoped
public class Regions {

    public List<RegionView> all() {
        return Region.<Region>listAll(Sort.by("code")).stream()
                .map(r -> new RegionView(r.code, r.name, r.officialName)).toList();
    }

    public Set<String> codes() {
        return Region.<Region>listAll().stream().map(r -> r.code).collect(Collectors.toSet());
    }

    /** 404 for a region code in a path that names no region. */
    public Region require(String code) {
        Region region = code == null ? null : Region.findById(code);
        if (region == null) {
            throw new NotFoundException("No region with code '" + code + "' (two-digit county codes such as 01 or 23)");
        }
        return region;
    }

    public record RegionView(String code, String name, String officialName) {
    }
}
