package se.kvinnohalsa.support.json;

/**
 * What a text field may hold: any Unicode text (emoji, right-to-left marks, every script) except what cannot be
 * stored as sent: U+0000, which PostgreSQL text cannot hold, and surrogates without their pair, which are no
 * character and cannot be written as UTF-8 (the database would get a '?').
 */
public final class Text {

    private Text() {
    }

    /** Why the text cannot be stored as sent, or null when it can. */
    public static String problem(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "contains the NUL character (U+0000) at position " + i + ", which text cannot hold";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains an unpaired surrogate (U+" + hex(c) + ") at position " + i
                        + ": not a Unicode character";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains an unpaired surrogate (U+" + hex(c) + ") at position " + i
                        + ": not a Unicode character";
            }
        }
        return null;
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
