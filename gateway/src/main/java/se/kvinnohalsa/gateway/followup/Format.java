package se.kvinnohalsa.gateway.followup;

import jakarta.ws.rs.core.MediaType;

import java.util.Arrays;
import java.util.Optional;

/** The follow-up's representations: by {@code ?format=} or by Accept. */
public enum Format {
    JSON("json", MediaType.APPLICATION_JSON_TYPE), HTML("html", new MediaType("text", "html", "UTF-8")), PDF("pdf",
            new MediaType("application", "pdf")), XLSX("xlsx",
                    new MediaType("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    private final String parameter;
    private final MediaType mediaType;

    Format(String parameter, MediaType mediaType) {
        this.parameter = parameter;
        this.mediaType = mediaType;
    }

    public String parameter() {
        return parameter;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    /** The format a ?format= value names, by its short name or its media type. */
    public static Optional<Format> named(String value) {
        return Arrays.stream(values()).filter(f -> f.parameter.equalsIgnoreCase(value)
                || f.mediaType.toString().startsWith(value.toLowerCase() + ";")
                || (f.mediaType.getType() + "/" + f.mediaType.getSubtype()).equalsIgnoreCase(value)).findFirst();
    }

    /** The format of a media type the negotiation chose. */
    public static Format of(MediaType type) {
        return Arrays.stream(values()).filter(f -> f.mediaType.isCompatible(type)).findFirst().orElse(JSON);
    }

    public static final String ALL = "json, html, pdf, xlsx";
}
