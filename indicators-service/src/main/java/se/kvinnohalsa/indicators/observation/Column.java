package se.kvinnohalsa.indicators.observation;

/** The fields of an observation, named as each format names them (JSON item field, CSV header column). */
public enum Column {
    REGION_CODE("regionCode", "region_code", true), PERIOD("period", "period", true), GROUP("group", "group",
            false), VALUE("value", "value", true), NUMERATOR("numerator", "numerator", false), DENOMINATOR(
                    "denominator", "denominator",
                    false), CLINIC_MIN("clinicMin", "clinic_min", false), CLINIC_MAX("clinicMax", "clinic_max", false);

    public final String json;
    public final String csv;
    /** A CSV header must have the column; a JSON item must have the field (rows may still leave optional ones blank). */
    public final boolean required;

    Column(String json, String csv, boolean required) {
        this.json = json;
        this.csv = csv;
        this.required = required;
    }

    public String name(Format format) {
        return format == Format.CSV ? csv : json;
    }

    public enum Format {
        JSON, CSV
    }
}
