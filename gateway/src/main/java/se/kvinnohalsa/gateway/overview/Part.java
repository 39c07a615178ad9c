package se.kvinnohalsa.gateway.overview;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one service said for one part of the overview: its JSON (or nothing: it knows no such thing, 404), or that it
 * could not be asked (down, slow, or an error of its own).
 */
public sealed interface Part {

    record Answered(JsonNode json) implements Part {
        /** The service answered 404: it has nothing for this region and year. */
        public static Answered nothing() {
            return new Answered(null);
        }
    }

    record Unavailable(String reason) implements Part {
    }
}
