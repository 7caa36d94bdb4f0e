package org.nianbao.extraction;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.nianbao.reading.SourceLine;
import org.nianbao.report.Section;

/**
 * Which format the report's tables are printed in, read from the tables themselves: the cells read under the 2019
 * columns or the 2021 ones, else the header words of section 二 wherever they stand (a header split over lines or into
 * single characters included), else table 3's rows. {@code null} when no table tells: the year does not decide the
 * format of tables nobody could read.
 */
final class TableFormat {

    private static final Set<String> COLUMNS_2019 = Set.of("made", "published", "total_published",
            "last_year_items", "change", "items");
    private static final Set<String> COLUMNS_2021 = Set.of("issued", "repealed", "in_force");
    private static final Set<String> ROWS_2021 = Set.of("other_no_correction", "other_unpaid_fee", "other_misc");
    /**
     * Words only the 2019 format's headers have, short enough to survive a header cell split over two rows
     * (「本年新 | 本年新」 over 「制作数量 | 公开数量」).
     */
    private static final Pattern HEADERS_2019 = Pattern.compile(
            "制作数量|新公开数量|公开总数量|项目数量|增/?减|第二十条第\\(九\\)项|政府集中采购|采购总金额");
    private static final Pattern HEADERS_2021 = Pattern.compile("制发件数|新发件数|废止件数|现行有效件数|有效件数|收费金额");
    /** The most lines of section 二 looked at: a table, not a report. */
    private static final int MOST_LINES = 400;

    private TableFormat() {
    }

    static String of(List<SourceLine> lines, List<Section> sections, TableReader.Tables tables) {
        if (tables.item9Present() || tables.cells().stream().anyMatch(c -> c.table().equals("2") && COLUMNS_2019.contains(c.column()))) {
            return "2019";
        }
        String headers = sectionTwo(lines, sections);
        if (HEADERS_2019.matcher(headers).find()) {
            return "2019";
        }
        if (tables.cells().stream().anyMatch(c -> c.table().equals("2") && COLUMNS_2021.contains(c.column()))
                || HEADERS_2021.matcher(headers).find()
                || tables.cells().stream().anyMatch(c -> c.table().equals("3") && ROWS_2021.contains(c.row()))) {
            return "2021";
        }
        return null;
    }

    /** Section 二's text in one piece, without white space and table bars: 「本年新|制作数量」 reads 「本年新制作数量」. */
    private static String sectionTwo(List<SourceLine> lines, List<Section> sections) {
        Section two = sections.stream().filter(s -> s.number() == 2).findFirst().orElse(null);
        int from = two == null ? 0 : two.line();
        int to = sections.stream().filter(s -> s.number() > 2 && two != null && s.line() > two.line())
                .mapToInt(Section::line).min().orElse(lines.size());
        to = Math.min(Math.min(to, lines.size()), from + MOST_LINES);
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            text.append(lines.get(i).compact().replace("|", ""));
        }
        return text.toString().replace('（', '(').replace('）', ')');
    }
}
