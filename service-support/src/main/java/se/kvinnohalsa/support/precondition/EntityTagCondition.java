package se.kvinnohalsa.support.precondition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The value of an If-Match or If-None-Match header (RFC 9110, 13.1.1 and 13.1.2): "*", or a comma-separated list of
 * entity tags, each {@code "opaque"} or {@code W/"opaque"}. One parser for both headers; If-Match compares strongly
 * (a weak tag never matches), If-None-Match weakly (only the opaque parts are compared).
 */
public final class EntityTagCondition {

    public static final String IF_MATCH = "If-Match";
    public static final String IF_NONE_MATCH = "If-None-Match";

    private static final String ANY = "*";
    private static final String WEAK_PREFIX = "W/";
    private static final char QUOTE = '"';
    private static final char OBS_TEXT_FIRST = 0x80;
    private static final char OBS_TEXT_LAST = 0xFF;

    /** One entity tag: the opaque part between the quotes, and whether it is weak. */
    public record EntityTag(String opaque, boolean weak) {

        public static EntityTag strong(String opaque) {
            return new EntityTag(opaque, false);
        }

        /** The tag as an ETag header carries it, e.g. {@code "3"} or {@code W/"3"}. */
        public String header() {
            return (weak ? WEAK_PREFIX : "") + QUOTE + opaque + QUOTE;
        }

        /** RFC 9110 8.8.3.2: both strong and the same opaque part. */
        public boolean strongMatch(EntityTag other) {
            return !weak && !other.weak && opaque.equals(other.opaque);
        }

        /** RFC 9110 8.8.3.2: the same opaque part, weak or not. */
        public boolean weakMatch(EntityTag other) {
            return opaque.equals(other.opaque);
        }
    }

    private final String header;
    private final boolean any;
    private final List<EntityTag> tags;

    private EntityTagCondition(String header, boolean any, List<EntityTag> tags) {
        this.header = header;
        this.any = any;
        this.tags = List.copyOf(tags);
    }

    /**
     * The condition a header states; empty when the header is absent or blank.
     *
     * @throws MalformedPreconditionException when the value is neither "*" nor a list of entity tags
     */
    public static Optional<EntityTagCondition> parse(String header, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.strip();
        if (trimmed.equals(ANY)) {
            return Optional.of(new EntityTagCondition(header, true, List.of()));
        }
        List<EntityTag> tags = new ArrayList<>();
        int i = 0;
        int length = trimmed.length();
        while (i < length) {
            i = skipWhitespace(trimmed, i);
            if (i < length && trimmed.charAt(i) == ',') {
                i++; // empty list elements are allowed (RFC 9110, 5.6.1)
                continue;
            }
            if (i >= length) {
                break;
            }
            boolean weak = trimmed.startsWith(WEAK_PREFIX, i);
            if (weak) {
                i += WEAK_PREFIX.length();
            }
            if (i >= length || trimmed.charAt(i) != QUOTE) {
                throw malformed(header, value, "an entity tag starts with a double quote (or W/ and one)");
            }
            int end = i + 1;
            while (end < length && trimmed.charAt(end) != QUOTE) {
                if (!isEtagChar(trimmed.charAt(end))) {
                    throw malformed(header, value, "an entity tag may not contain '" + trimmed.charAt(end) + "'");
                }
                end++;
            }
            if (end >= length) {
                throw malformed(header, value, "an entity tag ends with a double quote");
            }
            tags.add(new EntityTag(trimmed.substring(i + 1, end), weak));
            i = skipWhitespace(trimmed, end + 1);
            if (i < length && trimmed.charAt(i) != ',') {
                throw malformed(header, value, "entity tags are separated by commas");
            }
        }
        if (tags.isEmpty()) {
            throw malformed(header, value, "\"*\" or at least one entity tag");
        }
        return Optional.of(new EntityTagCondition(header, false, tags));
    }

    /** The header this condition came from (for messages). */
    public String header() {
        return header;
    }

    /** "*": any current representation. */
    public boolean any() {
        return any;
    }

    public List<EntityTag> tags() {
        return tags;
    }

    /** For If-Match: "*", or a listed tag strongly equal to the current one. */
    public boolean matchesStrongly(EntityTag current) {
        return any || tags.stream().anyMatch(t -> t.strongMatch(current));
    }

    /** For If-None-Match: "*", or a listed tag weakly equal to the current one. */
    public boolean matchesWeakly(EntityTag current) {
        return any || tags.stream().anyMatch(t -> t.weakMatch(current));
    }

    /** An ETag header value such as {@code "3"} as a tag; for tags the service made itself. */
    public static EntityTag tagOf(String etagHeader) {
        EntityTagCondition parsed = parse("ETag", etagHeader)
                .orElseThrow(() -> new IllegalArgumentException("no entity tag"));
        if (parsed.any || parsed.tags.size() != 1) {
            throw new IllegalArgumentException("not one entity tag: " + etagHeader);
        }
        return parsed.tags.get(0);
    }

    private static boolean isEtagChar(char c) {
        // etagc = %x21 / %x23-7E / obs-text: visible ASCII except the double quote, and bytes 0x80-0xFF
        return c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= OBS_TEXT_FIRST && c <= OBS_TEXT_LAST);
    }

    private static int skipWhitespace(String value, int from) {
        int i = from;
        while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static MalformedPreconditionException malformed(String header, String value, String expected) {
        return new MalformedPreconditionException(header, "'" + value.strip() + "' is not a valid " + header
                + " value: " + expected);
    }
}
