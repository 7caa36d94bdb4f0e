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
        return normalize(line, 0, line.length());
    }

    /** As {@link #normalize(String)}, the line being {@code text} from {@code start} to {@code end}. */
    static String normalize(String text, int start, int end) {
        int same = start;
        while (same < end && kept(text.charAt(same))) {
            same++;
        }
        if (same == end) { // nothing to change but trailing white space: most lines, taken as they are
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            return withoutBookmarks(text.substring(start, end));
        }
        // into a plain array: a line is read char by char, and most of its characters are copied as they are
        char[] out = new char[end - start];
        text.getChars(start, same, out, 0);
        int n = same - start;
        for (int i = same; i < end; i++) {
            int c = mapped(text.charAt(i));
            if (c >= 0) {
                out[n++] = (char) c;
            }
        }
        while (n > 0 && Character.isWhitespace(out[n - 1])) {
            n--;
        }
        return withoutBookmarks(new String(out, 0, n));
    }

    /** Whether normalising leaves {@code c} as it is. */
    private static boolean kept(char c) {
        return c < '\u00A0' || mapped(c) == c; // the first test alone for most characters of a line
    }

    /**
     * What normalising makes of {@code c}: its ASCII form (full-width forms), a plain space (odd spaces), a hyphen
     * (minus and en dash), nothing ({@code -1}: zero-width characters and stray byte-order marks carry nothing), or
     * {@code c} itself.
     */
    private static int mapped(char c) {
        if (c < '\u00A0') {
            return c;
        }
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return c - 0xFEE0;
        }
        return switch (c) {
            case '\u3000', '\u00A0', '\u2002', '\u2003', '\u2009' -> ' ';
            case '\uFEFF', '\u200B', '\u200C', '\u200D' -> -1;
            case '\u2212', '\u2013' -> '-';
            default -> c;
        };
    }

    private static String withoutBookmarks(String line) {
        return line.indexOf("[bookmark:") >= 0 ? BOOKMARK.matcher(line).replaceAll("").stripTrailing() : line;
    }

    /** Removes every kind of white space. */
    public static String compact(String text) {
        int first = 0;
        while (first < text.length() && !isSpace(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text; // nothing to remove: most lines of prose
        }
        char[] out = new char[text.length()];
        text.getChars(0, first, out, 0);
        int n = first;
        for (int i = first + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isSpace(c)) {
                out[n++] = c;
            }
        }
        return new String(out, 0, n);
    }

    private static boolean isSpace(char c) {
        // nothing above U+3000 is white space: most characters of a Chinese report are answered by the first test
        return c <= '\u3000' && (Character.isWhitespace(c) || c == '\u00A0' || c == '\u3000');
    }
}
