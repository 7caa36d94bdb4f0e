package org.nianbao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.nianbao.assessment.Assessment;
import org.nianbao.rules.Evidence;
import org.nianbao.scoring.Scorecard;

/**
 * The result as a person reads it (sample 004): one cause is one entry, the entries ordered by the points they cost;
 * the summary never states a date a finding rejects and says how the total comes from the categories; numbers as
 * people write them, last year's figure called 上年.
 */
class ReportViewTest {

    private static final String SAMPLE = "004_e93a6eea8c407df3.txt";

    private static ReportView view() {
        Assessment a = Samples.assess(SAMPLE);
        return ReportView.of(a, Samples.text(SAMPLE), Samples.assessor().scorecard());
    }

    @Test
    void theMissingRowsOfTableThreeAndTheChecksTheyMadeImpossibleAreOneEntryFirstInTheList() {
        ReportView view = view();
        ReportView.Group first = view.groups().get(0);

        assertThat(first.title()).isEqualTo("第三部分统计表缺少 11 行");
        assertThat(first.items()).hasSize(11).allSatisfy(i -> assertThat(i.finding().ruleId()).isEqualTo("COMP-T3-ROW-MISSING"));
        assertThat(first.items().get(0).memberLabel()).isEqualTo("「(四)3.补正后申请内容仍不明确」行");
        assertThat(first.items().get(0).place()).isEqualTo("表3「(四)3.补正后申请内容仍不明确」行");
        assertThat(first.consequences()).extracting(i -> i.finding().ruleId())
                .containsExactly("ARITH-T3-BALANCE-UNCHECKABLE", "ARITH-T3-RESULTS-TOTAL-UNCHECKABLE");
        assertThat(first.deduction()).isEqualTo(20.0);
        assertThat(first.zeroReasons()).containsExactly("其中 5 条不扣分：检查项 C3 的 6 分已经扣完，不再重复扣分");
        // every finding has a mark of its own in the report; the list's number leads to the first
        assertThat(first.all()).extracting(ReportView.Item::anchor).doesNotHaveDuplicates().startsWith("at-1", "at-1-2");

        // the three blank cells of one row are one entry too; the rest stand alone, by the points they cost, then place
        assertThat(view.groups()).hasSize(11);
        assertThat(view.groups()).filteredOn(g -> g.title().contains("「行政规范性文件」行")).singleElement()
                .satisfies(g -> assertThat(g.items()).hasSize(3));
        List<Double> costs = view.groups().stream().map(ReportView.Group::deduction).toList();
        assertThat(costs).isSortedAccordingTo((x, y) -> Double.compare(y, x));
    }

    @Test
    void theSummaryDoesNotStateTheDateAFindingRejectsAndExplainsTheTotal() {
        ReportView view = view();
        int rejecting = view.groups().stream()
                .filter(g -> g.first().finding().ruleId().equals("TIME-SIGNATURE-DATE-IMPOSSIBLE")).findFirst().orElseThrow().number();

        assertThat(view.summary().publishedOn())
                .isEqualTo("公开日期 未能确定（落款日期 2023-01-25 不能作为公开日期，见第 " + rejecting + " 条）");
        assertThat(view.summary().total()).startsWith("各类合计得 46 分，适用的满分为 86 分：T1 按期公开（10 分）")
                .endsWith("46 ÷ 86 × 100 = 53.49。");
    }

    @Test
    void figuresAreWrittenAsPeopleWriteThemAndLastYearsIsCalledSo() {
        Scorecard card = Samples.assessor().scorecard();
        assertThat(ReportView.figures(new Evidence(null, "3", "x", "y", 12.0, 11.0, null, null), card.check("A1")))
                .isEqualTo("应为 12，报告中为 11");
        assertThat(ReportView.figures(new Evidence(null, "3", "x", "y", null, 0.0, null, null), card.check("A1")))
                .isEqualTo("报告中为 0");
        assertThat(ReportView.figures(new Evidence(null, "3", "x", "y", 550.0, 9487.0, null, null), card.check("A8")))
                .isEqualTo("上年为 550，本年为 9487");
        assertThat(new Numbers().points(3.0)).isEqualTo("3 分");
        assertThat(new Numbers().show(53.49)).isEqualTo("53.49");
        assertThat(new ReportView.CheckView("A8", "跨年度", "passed", 0, 0.0, 1).outcomeName()).isEqualTo("通过（另有 1 条提醒，不扣分）");
    }
}
