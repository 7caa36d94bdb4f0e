package org.nianbao.extraction;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the items of an enumeration start in a paragraph of normalised text: after 「一是」…「十是」, 「第一,」 or
 * 「第一、」, 「1.」 or 「1、」 (a digit 1–9 neither following a digit or a point nor followed by a digit: not 「2.5」,
 * not 「12.」) and 「(1)」 or 「(一)」. Read character by character: the paragraphs of section 五 are asked in every
 * report, and an expression tried at every position of them was the largest use of expressions in extraction.
 */
final class Enumerators {

    private Enumerators() {
    }

    /** The offsets just past each enumerator, in order; enumerators do not overlap. */
    static List<Integer> ends(String text) {
        List<Integer> ends = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int end = endAt(text, i, n);
            if (end > 0) {
                ends.add(end);
                i = end;
            } else {
                i++;
            }
        }
        return ends;
    }

    /**
     * The text begins with an item's or a heading's number: an enumerator of {@link #ends}, 「一、」…「十、」, 「一)」 or a
     * circled digit (①…⑩).
     */
    static boolean startsItem(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        if (c >= '①' && c <= '⑩') {
            return true;
        }
        if (isNumeral(c) && text.length() > 1 && (text.charAt(1) == '、' || text.charAt(1) == ')' || text.charAt(1) == '.')) {
            return true;
        }
        return endAt(text, 0, text.length()) > 0;
    }

    /** The end of an enumerator starting at {@code i}, or 0 if none starts there. */
    private static int endAt(String text, int i, int n) {
        char c = text.charAt(i);
        if (isNumeral(c)) { // 一是
            return i + 1 < n && text.charAt(i + 1) == '是' ? i + 2 : 0;
        }
        if (c == '第') { // 第一, 第一、
            return i + 2 < n && isNumeral(text.charAt(i + 1)) && isComma(text.charAt(i + 2)) ? i + 3 : 0;
        }
        if (c >= '1' && c <= '9') { // 1. 1、
            boolean afterNumber = i > 0 && (isDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '.');
            boolean point = i + 1 < n && (text.charAt(i + 1) == '.' || text.charAt(i + 1) == '、');
            boolean decimal = i + 2 < n && isDigit(text.charAt(i + 2));
            return !afterNumber && point && !decimal ? i + 2 : 0;
        }
        if (c == '(') { // (1) (一)
            if (i + 2 < n && text.charAt(i + 2) == ')') {
                char inside = text.charAt(i + 1);
                return (inside >= '1' && inside <= '9') || (isNumeral(inside) && inside != '十') ? i + 3 : 0;
            }
        }
        return 0;
    }

    private static boolean isNumeral(char c) {
        return switch (c) {
            case '一', '二', '三', '四', '五', '六', '七', '八', '九', '十' -> true;
            default -> false;
        };
    }

    private static boolean isComma(char c) {
        return c == ',' || c == '、';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
