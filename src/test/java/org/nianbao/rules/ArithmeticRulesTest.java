package org.nianbao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.nianbao.assessment.Assessment;

/** Each arithmetic rule passes on a sample and fails on the same sample with one number changed. */
class ArithmeticRulesTest {

    private static final String S000 = "000_0b909c2a4ee59f11.txt";

    private static boolean fires(Assessment a, String ruleId, String row, String column) {
        return a.findings().stream().anyMatch(f -> f.ruleId().equals(ruleId)
                && (row == null || row.equals(f.evidence().row()))
                && (column == null || column.equals(f.evidence().column())));
    }

    @Test
    void flagsTable3ColumnThatDoesNotBalance() {
        Assessment ok = Samples.assess(S000);
        Assessment bad = Samples.assessEdited(S000, "四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
                "四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 2");

        assertThat(fires(ok, "ARITH-T3-BALANCE-TOTAL", null, null)).isFalse();
        assertThat(fires(bad, "ARITH-T3-BALANCE-TOTAL", "results_total", "total")).isTrue();
        assertThat(bad.flags()).anySatisfy(f -> assertThat(f).startsWith("表3总计列勾稽关系不成立").contains("1 与 3 相差 2"));
        assertThat(bad.grade()).isIn("合格", "不合格");
    }

    @Test
    void flagsTheApplicantColumnThatDoesNotBalanceAndNoOther() {
        Assessment bad = Samples.assessEdited(S000, "四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
                "四、结转下年度继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2");

        assertThat(fires(bad, "ARITH-T3-BALANCE", "results_total", "natural_person")).isTrue();
        assertThat(fires(bad, "ARITH-T3-BALANCE", null, "commercial_enterprise")).isFalse();
        assertThat(fires(bad, "ARITH-T3-BALANCE", null, "total")).as("the total column has a rule of its own").isFalse();
        assertThat(fires(bad, "ARITH-T3-BALANCE-TOTAL", "results_total", "total")).isTrue();
        assertThat(fires(bad, "ARITH-T3-ROW-TOTAL", null, null)).as("the row still adds up").isFalse();
        assertThat(fires(Samples.assess(S000), "ARITH-T3-BALANCE", null, null)).isFalse();
    }

    @Test
    void flagsTheColumnWhoseResultsDoNotAddUpToItsTotal() {
        Assessment bad = Samples.assessEdited(S000, "(七)总计 | 1 | 0 | 0 | 0 | 0 | 0 | 1", "(七)总计 | 3 | 0 | 0 | 0 | 0 | 0 | 3");

        assertThat(fires(bad, "ARITH-T3-RESULTS-TOTAL", "results_total", "natural_person")).isTrue();
        assertThat(fires(bad, "ARITH-T3-RESULTS-TOTAL", "results_total", "total")).isTrue();
        assertThat(fires(bad, "ARITH-T3-RESULTS-TOTAL", null, "commercial_enterprise")).isFalse();
        assertThat(bad.findings()).filteredOn(f -> f.ruleId().equals("ARITH-T3-RESULTS-TOTAL")
                && "natural_person".equals(f.evidence().column())).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("三(七)总计为 3", "各项办理结果之和为 1"));
        assertThat(fires(Samples.assess(S000), "ARITH-T3-RESULTS-TOTAL", null, null)).isFalse();
    }

    @Test
    void flagsRowTotalThatIsNotTheSumOfApplicants() {
        Assessment bad = Samples.assessEdited(S000, "一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1",
                "一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 5");

        assertThat(fires(bad, "ARITH-T3-ROW-TOTAL", "new_received", "total")).isTrue();
    }

    @Test
    void flagsTable4TotalThatIsNotTheSumOfItsParts() {
        Assessment bad = Samples.assessEdited(S000, "0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
                "1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |");

        assertThat(fires(bad, "ARITH-T4-ROW-TOTAL", "review", "total")).isTrue();
        assertThat(fires(Samples.assess(S000), "ARITH-T4-ROW-TOTAL", null, null)).isFalse();
    }

    @Test
    void blankCellsAreReportedAsIncompleteNeverAsImbalance() {
        Assessment a = Samples.assessEdited(S000, "一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1",
                "一、本年新收政府信息公开申请数量 |  | 0 | 0 | 0 | 0 | 0 | 1");

        assertThat(fires(a, "COMP-BLANK-CELL", "new_received", "natural_person")).isTrue();
        assertThat(a.findings()).noneMatch(f -> f.category().equals("arithmetic") && f.isErrorOrWarning());
    }

    @Test
    void aBlankResultOrTable4PartLeavesItsTotalUncheckedRatherThanUnbalanced() {
        Assessment a = Samples.assessEdited(S000, "三、本年度办理结果 | (一)予以公开 | 1 | 0 |", "三、本年度办理结果 | (一)予以公开 |  | 0 |");
        Assessment b = Samples.assessEdited(S000, "0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
                "0 |  | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |");

        assertThat(fires(a, "COMP-BLANK-CELL", "granted", "natural_person")).isTrue();
        assertThat(fires(a, "ARITH-T3-RESULTS-TOTAL", null, null)).isFalse();
        assertThat(fires(a, "ARITH-T3-ROW-TOTAL", null, null)).isFalse();
        assertThat(fires(b, "COMP-BLANK-CELL", "review", "corrected")).isTrue();
        assertThat(fires(b, "ARITH-T4-ROW-TOTAL", null, null)).isFalse();
    }

    @Test
    void flagsNegativeCounts() {
        Assessment a = Samples.assessEdited(S000, "行政许可 | 371 |", "行政许可 | -371 |");

        assertThat(fires(a, "ARITH-NEGATIVE", "admin_licensing", "decisions")).isTrue();
    }
}
