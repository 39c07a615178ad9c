package se.kvinnohalsa.allocation.region;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/regions")
@Tag(name = "Regions")
@Produces(MediaType.APPLICATION_JSON)
public class RegionResource {

    /** shared/data/regions.csv, as V1__regions.sql seeds it. */
    private static final String REGIONS = """
            [{"code": "01", "name": "Stockholm", "officialName": "Region Stockholm"},
             {"code": "03", "name": "Uppsala", "officialName": "Region Uppsala"},
             {"code": "04", "name": "Sörmland", "officialName": "Region Sörmland"},
             {"code": "05", "name": "Östergötland", "officialName": "Region Östergötland"},
             {"code": "06", "name": "Jönköping", "officialName": "Region Jönköpings län"},
             {"code": "07", "name": "Kronoberg", "officialName": "Region Kronoberg"},
             {"code": "08", "name": "Kalmar län", "officialName": "Region Kalmar län"},
             {"code": "09", "name": "Gotland", "officialName": "Region Gotland"},
             {"code": "10", "name": "Blekinge", "officialName": "Region Blekinge"},
             {"code": "12", "name": "Skåne", "officialName": "Region Skåne"},
             {"code": "13", "name": "Halland", "officialName": "Region Halland"},
             {"code": "14", "name": "Västra Götaland", "officialName": "Västra Götalandsregionen"},
             {"code": "17", "name": "Värmland", "officialName": "Region Värmland"},
             {"code": "18", "name": "Örebro län", "officialName": "Region Örebro län"},
             {"code": "19", "name": "Västmanland", "officialName": "Region Västmanland"},
             {"code": "20", "name": "Dalarna", "officialName": "Region Dalarna"},
             {"code": "21", "name": "Gävleborg", "officialName": "Region Gävleborg"},
             {"code": "22", "name": "Västernorrland", "officialName": "Region Västernorrland"},
             {"code": "23", "name": "Jämtland Härjedalen", "officialName": "Region Jämtland Härjedalen"},
             {"code": "24", "name": "Västerbotten", "officialName": "Region Västerbotten"},
             {"code": "25", "name": "Norrbotten", "officialName": "Region Norrbotten"}]""";

    @Inject
    Regions regions;

    @GET
    @Operation(operationId = "listRegions", summary = "The 21 regions", description = "Codes are two-digit county codes (länskod) as strings.")
    @APIResponse(responseCode = "200", description = "Every region, by code", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Regions.RegionView.class), examples = @ExampleObject(name = "the 21 regions", value = REGIONS)))
    public List<Regions.RegionView> list() {
        return regions.all();
    }
}
