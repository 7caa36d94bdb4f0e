package org.nianbao.reading;

/**
 * Normalises the characters of one line: full-width ASCII forms (digits, letters, brackets, colons,
 * commas) become their ASCII counterparts, odd spaces become plain spaces, and Word artefacts such as
 * {@code [bookmark: _GoBack]} are dropped. Chinese punctuation with no ASCII form (、。“”) is kept.
 */
public final class TextNormalizer {

    private static final java.util.regex.Pattern BOOKMARK = java.util.regex.Pattern.compile("\\[bookmark: [^\\]]*]");

    private TextNormalizer() {
    }

    public static String normalize(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                out.append((char) (c - 0xFEE0));
            } else if (c == '\u3000' || c == '\u00A0' || c == '\u2002' || c == '\u2003' || c == '\u2009') {
                out.append(' ');
            } else if (c == '\uFEFF' || c == '\u200B' || c == '\u200C' || c == '\u200D') {
                // zero-width characters and stray byte-order marks carry nothing
            } else if (c == '\u2212' || c == '\u2013') {
                out.append('-');
            } else {
                out.append(c);
            }
        }
        String text = out.toString();
        if (text.indexOf("[bookmark:") >= 0) {
            text = BOOKMARK.matcher(text).replaceAll("");
        }
        return text.stripTrailing();
    }

    /** Removes every kind of white space. */
    public static String compact(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u00A0' && c != '\u3000') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
