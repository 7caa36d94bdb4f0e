package org.nianbao.extraction;

/**
 * Reads the text of a table cell as a number: digits with separators ({@code [-+]?\d[\d,]*(\.\d+)?}), or a
 * dash / 「无」 as 0 ({@code /}, {@code -…}, {@code —…}, {@code –}, {@code 无}, {@code ／}).
 *
 * <p>Every cell of every table line is asked, so both forms are recognised character by character rather than
 * by a regular expression.
 */
final class CellValue {

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
        return isNumber(t) || isDash(t);
    }

    /** The value of a cell; {@code null} for a blank cell. */
    static Double parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (isDash(t)) {
            return 0.0;
        }
        if (t.indexOf(',') >= 0) {
            t = t.replace(",", "");
        }
        if (t.indexOf('+') >= 0) {
            t = t.replace("+", "");
        }
        return Double.valueOf(t);
    }

    /** A sign, a digit, then digits and commas, then optionally a point and at least one digit. */
    static boolean isNumber(String t) {
        int n = t.length();
        int i = 0;
        if (i < n && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
            i++;
        }
        if (i >= n || !isAsciiDigit(t.charAt(i))) {
            return false;
        }
        i++;
        while (i < n && (isAsciiDigit(t.charAt(i)) || t.charAt(i) == ',')) {
            i++;
        }
        if (i == n) {
            return true;
        }
        if (t.charAt(i) != '.' || i + 1 == n) {
            return false;
        }
        for (i++; i < n; i++) {
            if (!isAsciiDigit(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** 「/」, 「／」, 「–」, 「无」 alone, or a run of 「-」 or of 「—」. */
    static boolean isDash(String t) {
        int n = t.length();
        if (n == 0) {
            return false;
        }
        char first = t.charAt(0);
        if (n == 1 && (first == '/' || first == '／' || first == '–' || first == '无')) {
            return true;
        }
        if (first != '-' && first != '—') {
            return false;
        }
        for (int i = 1; i < n; i++) {
            if (t.charAt(i) != first) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
