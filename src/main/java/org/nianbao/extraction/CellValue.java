package org.nianbao.extraction;

import java.util.regex.Pattern;

/** Reads the text of a table cell as a number: digits with separators, or a dash / 「无」 as 0. */
final class CellValue {

    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d[\\d,]*(\\.\\d+)?");
    private static final Pattern DASH = Pattern.compile("/|-+|—+|–|无|／");

    private CellValue() {
    }

    /** The text ends in a digit, a dash or 「无」: it may end with a value. */
    static boolean endsLikeValue(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char c = text.charAt(text.length() - 1);
        return Character.isDigit(c) || c == '/' || c == '-' || c == '—' || c == '–' || c == '无' || c == '／';
    }

    static boolean isValue(String text) {
        String t = text.strip();
        if (t.isEmpty() || !endsLikeValue(t)) {
            return false;
        }
        return NUMBER.matcher(t).matches() || DASH.matcher(t).matches();
    }

    /** The value of a cell; {@code null} for a blank cell. */
    static Double parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (DASH.matcher(t).matches()) {
            return 0.0;
        }
        return Double.valueOf(t.replace(",", "").replace("+", ""));
    }
}
