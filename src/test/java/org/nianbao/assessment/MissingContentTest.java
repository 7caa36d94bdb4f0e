package org.nianbao.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.nianbao.rules.Finding;
import org.nianbao.scoring.CheckResult;

/**
 * Missing content never scores higher than content present: a check that cannot be made because the report left
 * out what it needs fails, it is not left out of the total. "Not applicable" is for a missing input only.
 */
class MissingContentTest {

    private static final String SAMPLE = "000_0b909c2a4ee59f11.txt";

    private static Assessment assess(String text) {
        return Samples.assessor().assess("edited.txt", text.getBytes(StandardCharsets.UTF_8), AssessmentOptions.NONE);
    }

    /** The sample without the lines from the one starting with {@code from} up to (not including) {@code to}. */
    private static String without(String from, String to) {
        List<String> lines = Arrays.asList(Samples.text(SAMPLE).split("\n", -1));
        int a = indexOf(lines, from);
        int b = indexOf(lines, to);
        return lines.stream().limit(a).collect(Collectors.joining("\n")) + "\n"
                + lines.stream().skip(b).collect(Collectors.joining("\n"));
    }

    private static int indexOf(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError(start);
    }

    private static String outcome(Assessment a, String check) {
        return a.checks().stream().filter(c -> c.id().equals(check)).map(CheckResult::outcome).findFirst().orElseThrow();
    }

    private static List<String> ruleIds(Assessment a) {
        return a.findings().stream().map(Finding::ruleId).toList();
    }

    @Test
    void withoutItsTableFourTheSampleScoresLowerAndIsCappedNotHigher() {
        Assessment whole = Samples.assess(SAMPLE);
        // keep the part heading, drop the table under it
        Assessment edited = assess(without("行政复议 | 行政诉讼", "五、存在的主要问题"));

        assertThat(edited.score()).isLessThan(whole.score());
        assertThat(outcome(edited, "A4")).isEqualTo("failed");
        assertThat(outcome(edited, "C4")).isEqualTo("failed");
        assertThat(edited.flags()).anySatisfy(f -> assertThat(f).contains("第四部分统计表"));
        assertThat(edited.grade()).isIn("合格", "不合格");
    }

    @Test
    void withoutARowOfTableThreeTheSampleScoresLower() {
        Assessment whole = Samples.assess(SAMPLE);
        Assessment edited = assess(without("二、上年结转政府信息公开申请数量", "三、本年度办理结果"));

        assertThat(ruleIds(edited)).contains("COMP-T3-ROW-MISSING", "ARITH-T3-BALANCE-UNCHECKABLE");
        assertThat(outcome(edited, "A1")).isEqualTo("failed");
        assertThat(edited.score()).isLessThan(whole.score());
    }

    @Test
    void withoutAnOutcomeRowOfTableThreeTheResultsTotalCheckFails() {
        Assessment whole = Samples.assess(SAMPLE);
        Assessment edited = assess(without("2.重复申请", "3.要求提供公开出版物"));

        assertThat(ruleIds(edited)).contains("ARITH-T3-RESULTS-TOTAL-UNCHECKABLE");
        assertThat(outcome(edited, "A2")).isEqualTo("failed");
        assertThat(edited.score()).isLessThan(whole.score());
    }

    @Test
    void withoutPartFiveTheSampleFailsItsNarrativeCheckOnceAndIsCapped() {
        Assessment whole = Samples.assess(SAMPLE);
        Assessment edited = assess(without("五、存在的主要问题", "六、其他需要报告的事项"));

        assertThat(ruleIds(edited)).contains("NARR-PART-FIVE-MISSING").doesNotContain("NARR-NO-PROBLEMS", "NARR-NO-MEASURES");
        assertThat(outcome(edited, "N1")).isEqualTo("failed");
        assertThat(edited.score()).isLessThan(whole.score());
        assertThat(edited.flags()).anySatisfy(f -> assertThat(f).contains("第五部分"));
    }

    @Test
    void aTableThatIsThereButCouldNotBeReadIsNotAFailureOfTheReport() {
        // table 四 as fourteen values one per line: their columns cannot be known
        StringBuilder table = new StringBuilder("行政复议\n行政诉讼\n");
        for (int i = 0; i < 14; i++) {
            table.append(i == 0 ? "2" : "0").append('\n');
        }
        String text = without("行政复议 | 行政诉讼", "五、存在的主要问题")
                .replace("四、政府信息公开行政复议、行政诉讼情况\n", "四、政府信息公开行政复议、行政诉讼情况\n" + table);
        Assessment edited = assess(text);

        assertThat(ruleIds(edited)).contains("ARITH-T4-UNREAD").doesNotContain("ARITH-T4-ABSENT", "COMP-T4-MISSING");
        assertThat(outcome(edited, "A4")).isEqualTo("not_applicable");
    }

    @Test
    void anInfoFindingCostsNothing() {
        Assessment a = assess(without("五、存在的主要问题", "六、其他需要报告的事项"));

        assertThat(a.findings()).filteredOn(f -> f.severity().equals("info"))
                .allSatisfy(f -> assertThat(f.deduction()).isZero());
    }
}
