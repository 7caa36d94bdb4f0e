package org.nianbao.report;

/**
 * One of the six sections (一 总体情况 … 六 其他需要报告的事项), found by its title.
 *
 * @param number         1–6, decided by the title, not by the printed ordinal
 * @param title          the heading as printed
 * @param printedOrdinal the ordinal printed before the title (「三」), {@code null} if none
 * @param line           the heading's line
 * @param endLine        the last line before the next section (or the end of the report)
 * @param position       1 for the first heading found in the report, 2 for the second, …
 */
public record Section(int number, String title, String printedOrdinal, int line, int endLine, int position) {

    /** The printed ordinal is the one the section's place requires. */
    public boolean ordinalMatches() {
        return printedOrdinal == null || printedOrdinal.equals(Ordinals.chinese(number));
    }

    public boolean contains(int someLine) {
        return someLine > line && someLine <= endLine;
    }
}
