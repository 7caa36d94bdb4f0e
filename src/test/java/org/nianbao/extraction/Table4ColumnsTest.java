package org.nianbao.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.extraction.IncompleteReportsTest.assess;
import static org.nianbao.extraction.IncompleteReportsTest.cells;
import static org.nianbao.extraction.IncompleteReportsTest.ruleIds;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.nianbao.assessment.Assessment;

/**
 * Table 四 read by its columns: a blank cell stays blank and every other value stays in its column; where the
 * columns cannot be known, the values are not read and a note says so.
 */
class Table4ColumnsTest {

    private static final String SAMPLE = "000_0b909c2a4ee59f11.txt";

    /** Sample 000 with its table 四 (the lines after the part heading, up to part 五) replaced. */
    private static Assessment withTable4(String... table) {
        List<String> lines = Arrays.asList(Samples.text(SAMPLE).split("\n", -1));
        int heading = indexOf(lines, "四、政府信息公开行政复议");
        int part5 = indexOf(lines, "五、存在的主要问题");
        StringBuilder text = new StringBuilder();
        lines.subList(0, heading + 1).forEach(l -> text.append(l).append('\n'));
        for (String row : table) {
            text.append(row).append('\n');
        }
        lines.subList(part5, lines.size()).forEach(l -> text.append(l).append('\n'));
        return assess("t4.txt", text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static int indexOf(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError(start);
    }

    private static Map<String, Number> table4(Assessment a) {
        Map<String, Number> cells = cells(a);
        cells.keySet().removeIf(k -> !k.startsWith("4/"));
        return cells;
    }

    @Test
    void aBlankFirstCellOfTheFifteenStaysBlankAndTheOthersKeepTheirColumns() {
        Assessment a = withTable4(
                "| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |",
                "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |",
                "| | 2 | 0 | 0 | 2 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 3 | 3 |");

        Map<String, Number> t4 = table4(a);
        assertThat(t4).containsEntry("4/review/upheld", null) // blank, not 2 moved left
                .containsEntry("4/review/corrected", 2L)
                .containsEntry("4/review/total", 2L)
                .containsEntry("4/litigation_direct/upheld", 1L)
                .containsEntry("4/litigation_after_review/pending", 3L)
                .containsEntry("4/litigation_after_review/total", 3L);
        assertThat(ruleIds(a)).doesNotContain("ARITH-T4-ROW-TOTAL");
    }

    @Test
    void aTableWithRowsAndColumnsSwappedIsReadRowByRowWithItsBlankCell() {
        Assessment a = withTable4(
                "| | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |",
                "| 行政复议 | 1 | | 0 | 0 | 1 |",
                "| 行政诉讼·未经复议直接起诉 | 0 | 0 | 0 | 2 | 2 |",
                "| 行政诉讼·复议后起诉 | 0 | 1 | 0 | 0 | 1 |");

        Map<String, Number> t4 = table4(a);
        assertThat(t4).containsEntry("4/review/upheld", 1L)
                .containsEntry("4/review/corrected", null)
                .containsEntry("4/review/other", 0L)
                .containsEntry("4/review/total", 1L)
                .containsEntry("4/litigation_direct/pending", 2L)
                .containsEntry("4/litigation_after_review/corrected", 1L)
                .containsEntry("4/litigation_after_review/total", 1L);
        assertThat(ruleIds(a)).doesNotContain("ARITH-T4-ROW-TOTAL");
    }

    @Test
    void labelsFollowedByTheirValuesArePairedAndALabelWithoutAValueIsABlankCell() {
        Assessment a = withTable4(
                "行政复议 结果维持 1 结果纠正 其他结果 0 尚未审结 0 总计 1",
                "未经复议直接起诉 结果维持 0 结果纠正 0 其他结果 0 尚未审结 2 总计 2",
                "复议后起诉 结果维持 0 结果纠正 1 其他结果 0 尚未审结 0 总计 1");

        Map<String, Number> t4 = table4(a);
        assertThat(t4).containsEntry("4/review/upheld", 1L)
                .containsEntry("4/review/corrected", null)
                .containsEntry("4/review/other", 0L)
                .containsEntry("4/review/total", 1L)
                .containsEntry("4/litigation_direct/pending", 2L)
                .containsEntry("4/litigation_after_review/corrected", 1L);
    }

    @Test
    void fourteenValuesOneCellPerLineAreNotGuessedIntoColumnsAndTheRowsAreNotBlamedAsMissing() {
        String[] table = new String[14 + 3];
        table[0] = "行政复议";
        table[1] = "行政诉讼";
        table[2] = "结果维持";
        for (int i = 3; i < table.length; i++) {
            table[i] = i == 3 ? "2" : "0";
        }
        Assessment a = withTable4(table);

        assertThat(table4(a)).isEmpty();
        assertThat(a.findings()).filteredOn(f -> f.ruleId().equals("READ-TABLE-UNSURE"))
                .extracting(f -> f.message()).hasSize(3)
                .anySatisfy(m -> assertThat(m).contains("行政复议", "无法确定"))
                .anySatisfy(m -> assertThat(m).contains("复议后起诉"));
        assertThat(ruleIds(a)).doesNotContain("COMP-T4-ROW-MISSING", "COMP-T4-MISSING", "ARITH-T4-ROW-TOTAL");
    }

    @Test
    void fifteenValuesOneCellPerLineAreReadInTheFormatsOrder() {
        String[] table = new String[15 + 2];
        table[0] = "行政复议";
        table[1] = "行政诉讼";
        for (int i = 2; i < table.length; i++) {
            table[i] = String.valueOf(i == 2 || i == 6 ? 1 : 0);
        }
        Assessment a = withTable4(table);

        assertThat(table4(a)).hasSize(15).containsEntry("4/review/upheld", 1L).containsEntry("4/review/total", 1L)
                .containsEntry("4/litigation_after_review/total", 0L);
    }
}
