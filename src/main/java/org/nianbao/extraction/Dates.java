package org.nianbao.extraction;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.nianbao.report.Ordinals;

/** Dates as reports print them: 2024年1月31日, 2021-02-08, 二〇二四年一月三十一日. */
final class Dates {

    private static final String CN_DIGITS = "〇一二三四五六七八九";

    private Dates() {
    }

    static LocalDate of(String year, String month, String day) {
        try {
            return LocalDate.of(number(year), number(month), number(day));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static int number(String text) {
        if (text.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(text);
        }
        if (text.length() == 4) { // 二〇二四
            StringBuilder digits = new StringBuilder();
            for (char c : text.toCharArray()) {
                int d = c == '零' || c == 'O' || c == '○' ? 0 : CN_DIGITS.indexOf(c);
                if (d < 0) {
                    throw new NumberFormatException(text);
                }
                digits.append(d);
            }
            return Integer.parseInt(digits.toString());
        }
        int v = Ordinals.value(text);
        if (v < 0) {
            throw new NumberFormatException(text);
        }
        return v;
    }
}
