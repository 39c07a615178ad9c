package se.kvinnohalsa.support.access;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a write to one region's data (path parameter {@value #PATH_PARAM}): only an admin or a reporter of that region
 * may make it. Checked by {@link RegionWriterFilter} before the body is read, so a caller who may not write learns
 * 403 and nothing from validation (the same order as for role checks and at the gateway: 401, 403, then 400/422).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RegionWriter {

    /** The path parameter that names the region. */
    String PATH_PARAM = "regionCode";
}
