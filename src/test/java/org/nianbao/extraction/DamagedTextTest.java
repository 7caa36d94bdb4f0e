package org.nianbao.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.extraction.IncompleteReportsTest.assess;
import static org.nianbao.extraction.IncompleteReportsTest.cells;
import static org.nianbao.extraction.IncompleteReportsTest.ruleIds;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.nianbao.assessment.Assessment;

/**
 * Text whose line breaks and table separators were lost, and web pages kept as a fragment: read by the
 * report's own headings, labels and identities, and a cell is either right or absent.
 */
class DamagedTextTest {

    @Test
    void aRunOfDigitsIsSplitOnlyWhenTheRowTotalAllowsExactlyOneSplit() {
        assertThat(RunTogetherText.splitUnder("640020470", 7, 7)).containsExactly("64", "0", "0", "2", "0", "4", "70");
        assertThat(RunTogetherText.splitUnder("0000000", 7, 7)).containsOnly("0").hasSize(7);
        assertThat(RunTogetherText.splitUnder("100010000000011", 15, 5))
                .containsExactly("1", "0", "0", "0", "1", "0", "0", "0", "0", "0", "0", "0", "0", "1", "1");
        // 1+20+5+56+4+0 = 86 and 1+20+55+6+4+0 = 86: two splits satisfy the total, so the row is left unread
        assertThat(RunTogetherText.splitUnder("1205564086", 7, 7)).isNull();
        // no split satisfies it, or too few digits for seven cells
        assertThat(RunTogetherText.splitUnder("11000022", 7, 7)).isNull();
        assertThat(RunTogetherText.splitUnder("12345", 7, 7)).isNull();
    }

    @Test
    void aRunWithMoreWaysToTryThanTheBudgetIsLeftUnread() {
        String row = "6400204" + "70"; // 64 0 0 2 0 4 | 70, found after a few hundred partial splits

        assertThat(RunTogetherText.splitUnder(row, 7, 7, 100_000)).containsExactly("64", "0", "0", "2", "0", "4", "70");
        assertThat(RunTogetherText.splitUnder(row, 7, 7, 10)).isNull();
    }

    @Test
    void tableTwoHeadersRunTogetherAreSplitIntoTheirColumns() {
        assertThat(RunTogetherText.table2Columns("本年新制作数量本年新公开数量对外公开总数量", LabelCatalog.standard()))
                .containsExactly("本年新制作数量", "本年新公开数量", "对外公开总数量");
        assertThat(RunTogetherText.table2Columns("本年处理决定数量", LabelCatalog.standard())).containsExactly("本年处理决定数量");
        assertThat(RunTogetherText.table2Columns("上一年项目数量本年增/减处理决定数量", LabelCatalog.standard()))
                .containsExactly("上一年项目数量", "本年增/减", "处理决定数量");
    }

    @Test
    void everySampleWithoutLineBreaksOrSeparatorsKeepsAtLeastNinetyPercentOfItsCellsAndNoneWrong() {
        int total = 0;
        int recovered = 0;
        for (String name : Samples.NAMES) {
            Map<String, Number> whole = cells(Samples.assess(name));
            String joined = Samples.text(name).replace("\r", "").replace("\n", "").replace("|", "");
            Assessment a = assess(name, joined.getBytes(StandardCharsets.UTF_8));
            Map<String, Number> read = cells(a);
            read.forEach((key, value) -> assertThat(value).as(name + " " + key).isEqualTo(whole.get(key)));
            assertThat(a.findings()).anySatisfy(f -> assertThat(f.message()).contains("换行和表格分隔符已丢失"));
            total += whole.size();
            recovered += read.size();
        }
        assertThat(total).isEqualTo(921);
        assertThat(recovered).isGreaterThanOrEqualTo(921 * 9 / 10);
    }

    @Test
    void anUnreadableRowIsReportedAsUnreadableNotAsMissing() {
        String joined = Samples.text("002_6d7e4eb448e02a30.txt").replace("\n", "").replace("|", "");
        Assessment a = assess("joined.txt", joined.getBytes(StandardCharsets.UTF_8));

        assertThat(a.findings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("READ-TABLE-UNSURE");
            assertThat(f.message()).contains("行政许可", "未能识别出数值");
        });
        assertThat(a.findings()).noneSatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("COMP-T2-ROW-MISSING");
            assertThat(f.evidence().row()).isEqualTo("admin_licensing");
        });
    }

    @Test
    void aPageKeptAsAFragmentWithoutHtmlOrBodyIsReadAsAPage() {
        StringBuilder fragment = new StringBuilder();
        for (String line : Samples.text("000_0b909c2a4ee59f11.txt").split("\n")) {
            if (line.contains("|")) {
                fragment.append("<table><tr>");
                for (String cell : line.strip().replaceAll("^\\||\\|$", "").split("\\|", -1)) {
                    fragment.append("<td>").append(cell.strip()).append("</td>");
                }
                fragment.append("</tr></table>\n");
            } else {
                fragment.append("<p style=\"text-indent:2em\">").append(line).append("</p>\n");
            }
        }
        Assessment a = assess("content.txt", fragment.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(cells(a)).isEqualTo(cells(Samples.assess("000_0b909c2a4ee59f11.txt")));
        assertThat(a.report().agency()).isEqualTo("衢州市应急管理局");
    }

    @Test
    void sectionFiveAsOneRunningParagraphHasItsProblemsAndMeasures() {
        Assessment a = Samples.assessEdited("000_0b909c2a4ee59f11.txt", sectionFive(),
                "2023年我局政府信息公开工作取得了一定成效，但工作中仍存在不足，如政策解读形式有待完善；信息更新时效仍需加强；"
                        + "依申请公开答复的规范性不够充分等。下一步将：一是丰富政策解读形式，推出图解和视频解读；"
                        + "二是建立栏目更新台账，按月检查；三是组织依申请公开业务培训，规范答复文书。\n");

        assertThat(ruleIds(a)).doesNotContain("NARR-NO-PROBLEMS", "NARR-NO-MEASURES", "NARR-PROBLEMS-UNSURE",
                "NARR-MEASURES-UNSURE");
    }

    @Test
    void sectionFiveThatSaysOnlyNoneStillLacksProblemsAndMeasures() {
        Assessment a = Samples.assessEdited("000_0b909c2a4ee59f11.txt", sectionFive(), "无。\n");

        assertThat(ruleIds(a)).contains("NARR-NO-PROBLEMS", "NARR-NO-MEASURES");
    }

    @Test
    void sectionFiveThatListsOnlyProblemsStillLacksMeasures() {
        Assessment a = Samples.assessEdited("000_0b909c2a4ee59f11.txt", sectionFive(),
                "我局政府信息公开工作还存在一些不足：一是政策解读的形式有待进一步丰富；二是信息发布的时效仍需进一步加强。\n");

        assertThat(ruleIds(a)).contains("NARR-NO-MEASURES").doesNotContain("NARR-NO-PROBLEMS", "NARR-MEASURES-UNSURE");
    }

    @Test
    void aFeeStatementWithoutTheWordInformationProcessingFeeCounts() {
        String text = Samples.text("004_e93a6eea8c407df3.txt");
        Assessment before = assess("004.txt", text.getBytes(StandardCharsets.UTF_8));
        int six = text.indexOf("六、其他需要报告的事项");
        int lineEnd = text.indexOf('\n', six);
        String withFee = text.substring(0, lineEnd + 1) + "本机关政府信息公开未发生收费情况。\n" + text.substring(lineEnd + 1);
        Assessment after = assess("004.txt", withFee.getBytes(StandardCharsets.UTF_8));

        assertThat(ruleIds(before)).contains("NARR-NO-INFO-FEE");
        assertThat(ruleIds(after)).doesNotContain("NARR-NO-INFO-FEE");
    }

    /** Section 五 of sample 000, from the line after its heading to the heading of 六. */
    private static String sectionFive() {
        String text = Samples.text("000_0b909c2a4ee59f11.txt");
        int five = text.indexOf('\n', text.indexOf("五、存在的主要问题")) + 1;
        return text.substring(five, text.indexOf("六、其他需要报告的事项"));
    }

    @Test
    void aOneCellPerLineRowWhoseTwoValuesRanIntoOneNumberIsNotReadAndSaysSo() {
        String name = "002_6d7e4eb448e02a30.txt";
        String text = Samples.text(name);
        // 行政许可 103 / 26 / 129, one per line: the break between 103 and 26 lost gives 「10326」
        String joined = text.replaceFirst("103\\s*\\n\\s*26", "10326");
        assertThat(joined).isNotEqualTo(text);

        Assessment a = assess(name, joined.getBytes(StandardCharsets.UTF_8));

        Map<String, Number> read = cells(a);
        assertThat(read).doesNotContainKeys("2/admin_licensing/last_year_items", "2/admin_licensing/change",
                "2/admin_licensing/decisions");
        assertThat(read).containsEntry("2/other_services/last_year_items", 37L);
        assertThat(a.findings()).anySatisfy(f -> assertThat(f.message()).contains("行政许可", "无法确定各自所在的栏目"));
        assertThat(ruleIds(a)).doesNotContain("COMP-T2-ROW-MISSING");
    }
    @Test
    void aTable3PrintedWithItsLegalPersonColumnsMergedIsReadByItsHeaderAndFlagged() {
        String name = "000_0b909c2a4ee59f11.txt";
        StringBuilder merged = new StringBuilder();
        for (String line : Samples.text(name).split("\n", -1)) {
            String[] parts = line.split("\\|", -1);
            java.util.List<Integer> numbers = new java.util.ArrayList<>();
            for (int i = 0; i < parts.length; i++) {
                if (parts[i].strip().matches("\\d+")) {
                    numbers.add(i);
                }
            }
            if (line.startsWith("商业 |") || line.startsWith("企业 |")) {
                continue; // the five legal-person column headers become one
            } else if (line.startsWith("自然人 | 法人或其他组织")) {
                merged.append("自然人 | 法人或其他组织 | 总计 |\n");
            } else if (numbers.size() == 7) {
                // 自然人 | 法人或其他组织 (the five columns added up) | 总计
                int legal = 0;
                for (int k = 1; k < 6; k++) {
                    legal += Integer.parseInt(parts[numbers.get(k)].strip());
                }
                String labels = String.join("|", java.util.Arrays.copyOfRange(parts, 0, numbers.get(0)));
                merged.append(labels).append("| ").append(parts[numbers.get(0)].strip()).append(" | ").append(legal)
                        .append(" | ").append(parts[numbers.get(6)].strip()).append(" |\n");
            } else {
                merged.append(line).append('\n');
            }
        }
        assertThat(merged.toString()).contains("自然人 | 法人或其他组织 | 总计 |", "一、本年新收政府信息公开申请数量 | 1 | 0 | 1 |");

        Assessment a = assess(name, merged.toString().getBytes(StandardCharsets.UTF_8));

        Map<String, Number> original = cells(Samples.assess(name));
        cells(a).forEach((key, value) -> assertThat(original).as(key).containsEntry(key, value)); // right or absent
        assertThat(cells(a).keySet().stream().filter(k -> k.startsWith("3/")))
                .hasSize(2 * 25) // 自然人 and 总计 of every row, by the header
                .allMatch(k -> k.endsWith("/natural_person") || k.endsWith("/total"));
        assertThat(ruleIds(a)).contains("COMP-T3-COLUMN-MISSING")
                .doesNotContain("COMP-T3-ROW-MISSING", "ARITH-T3-BALANCE", "ARITH-T3-ROW-TOTAL", "ARITH-T3-RESULTS-TOTAL");
    }
}
