package org.nianbao.report;

/** Chinese ordinals as used in section and sub-part numbering. */
public final class Ordinals {

    private static final String DIGITS = "〇一二三四五六七八九";

    private Ordinals() {
    }

    /** 1 → 一, 10 → 十, 12 → 十二. */
    public static String chinese(int n) {
        if (n <= 0 || n >= 100) {
            return Integer.toString(n);
        }
        if (n < 10) {
            return String.valueOf(DIGITS.charAt(n));
        }
        String tens = n / 10 == 1 ? "十" : DIGITS.charAt(n / 10) + "十";
        return n % 10 == 0 ? tens : tens + DIGITS.charAt(n % 10);
    }

    /** 一 → 1, 十二 → 12, 3 → 3; -1 when the text is not an ordinal. */
    public static int value(String text) {
        if (text == null || text.isEmpty()) {
            return -1;
        }
        if (text.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(text);
        }
        int ten = text.indexOf('十');
        if (ten < 0) {
            return text.length() == 1 ? digit(text.charAt(0)) : -1;
        }
        int tens = ten == 0 ? 1 : digit(text.charAt(0));
        int units = ten == text.length() - 1 ? 0 : digit(text.charAt(ten + 1));
        return tens < 0 || units < 0 ? -1 : tens * 10 + units;
    }

    private static int digit(char c) {
        if (c == '零') {
            return 0;
        }
        int i = DIGITS.indexOf(c);
        return i;
    }
}
