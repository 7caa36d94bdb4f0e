package org.nianbao.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.nianbao.assessment.AssessmentOptions;
import org.nianbao.assessment.Assessor;
import org.nianbao.reading.Readers;
import org.nianbao.rules.Finding;

/**
 * Statements written in other words, each read for what it says, and each with its counterpart that must not be:
 * the sentence put where it stood into a report that otherwise states nothing of its kind (as the phrasebook does).
 */
class PhrasingExamplesTest {

    private static Assessor.Assessed assess(String kind, String part, String text) {
        Phrasebook.Phrase p = new Phrasebook.Phrase(kind, text, "-", part, null, "某某区应急管理局", 2023, "例句", null, null);
        byte[] report = PhraseReport.of(p).getBytes(StandardCharsets.UTF_8);
        return Samples.assessor().assessKeepingFacts(Readers.read("example.txt", report), AssessmentOptions.NONE);
    }

    private static String read(String kind, String part, String text) {
        return Phrasebook.reading(kind, assess(kind, part, text).facts().facts());
    }

    private static List<Finding> findings(String kind, String part, String text, String ruleId) {
        return assess(kind, part, text).assessment().findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    // ---- 信息处理费 ----

    @Test
    void noFeeChargedSaidInOtherWordsIsAStatementOfTheFee() {
        assertThat(read("information_fee", "六", "本年度未收取任何费用。")).isEqualTo("not_charged");
        assertThat(read("information_fee", "六", "本年度不存在收费情况。")).isEqualTo("not_charged");
        assertThat(read("information_fee", "六", "全年收取政府信息公开信息处理费0元。")).isEqualTo("not_charged");
        assertThat(findings("information_fee", "六", "本年度不存在收费情况。", "NARR-NO-INFO-FEE")).isEmpty();
    }

    @Test
    void aFeeChargedIsAStatementOfTheFee() {
        assertThat(read("information_fee", "六", "全年收取政府信息公开信息处理费 3940 元。")).isEqualTo("charged");
    }

    @Test
    void aPartSixThatSaysNothingOfFeesLacksTheStatement() {
        assertThat(read("information_fee", "六", "无其他需要报告的事项。")).isEqualTo("not_stated");
        assertThat(findings("information_fee", "六", "无其他需要报告的事项。", "NARR-NO-INFO-FEE")).hasSize(1);
    }

    @Test
    void aFeeSentenceInPartOneIsStatedAndOnlyItsPlaceIsNoted() {
        String text = "2024年,我街道累计收到依申请信息公开件6件,未因信息公开收取公民、法人和其他组织等任何费用。";

        assertThat(read("information_fee", "一", text)).isEqualTo("not_charged");
        assertThat(findings("information_fee", "一", text, "NARR-NO-INFO-FEE")).isEmpty();
        assertThat(findings("information_fee", "一", text, "NARR-INFO-FEE-MISPLACED")).singleElement()
                .satisfies(f -> assertThat(f.evidence().excerpt()).contains("未因信息公开收取"));
    }

    @Test
    void aFeeHeadingWithoutAWordOnFeesIsNoStatement() {
        assertThat(read("information_fee", "一", "四、政府信息公开的收费及减免情况\n成立了政府信息公开领导小组。"))
                .isEqualTo("not_stated");
    }

    @Test
    void wordsThatMayBeTheFeeStatementAreANoteThatCostsNothing() {
        String text = "本年度严格执行《政府信息公开信息处理费管理办法》。";

        assertThat(read("information_fee", "六", text)).isEqualTo("unsure");
        assertThat(findings("information_fee", "六", text, "NARR-NO-INFO-FEE")).isEmpty();
        assertThat(findings("information_fee", "六", text, "NARR-INFO-FEE-UNSURE")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo("info"));
    }

    // ---- 收费通知 ----

    @Test
    void aPaymentNoticeOrACollectionNoticeIsAFeeNotice() {
        assertThat(read("fee_notice", "六", "本年度向申请人发出缴费通知书2份。")).isEqualTo("issued");
        assertThat(read("fee_notice", "六", "本年度发出信息处理费收取通知1件。")).isEqualTo("issued");
        assertThat(read("fee_notice", "六", "本年度未发出缴费通知书。")).isEqualTo("none_issued");
    }

    @Test
    void tableThreesRowOnUnpaidFeesIsNoStatementOfNotices() {
        assertThat(read("fee_notice", "一", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"))
                .isEqualTo("not_stated");
        assertThat(read("information_fee", "一", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"))
                .isEqualTo("not_stated");
    }

    // ---- 上年度问题的整改 ----

    @Test
    void lastYearsProblemsDealtWithAreTheRectification() {
        assertThat(read("last_year_rectification", "五", "上年度报告中提出的问题已逐项整改。")).isEqualTo("stated");
        assertThat(read("last_year_rectification", "一", "针对上年度存在的信息更新不及时问题，我局建立了更新台账，已整改到位。"))
                .isEqualTo("stated");
        assertThat(findings("last_year_rectification", "五", "上年度报告中提出的问题已逐项整改。", "NARR-NO-RECTIFICATION")).isEmpty();
    }

    @Test
    void anAuditsRectificationIsNotLastYearsProblemsDealtWith() {
        String text = "《禄丰市人民政府关于2020年度市级预算执行和其他财政收支审计查出问题整改落实情况的报告》";

        assertThat(read("last_year_rectification", "五", text)).isEqualTo("not_stated");
        assertThat(findings("last_year_rectification", "五", text, "NARR-NO-RECTIFICATION")).hasSize(1);
    }

    // ---- 统计期限 ----

    @Test
    void aStatisticalPeriodIsReadWhateverItsNameDatesAndLineBreaks() {
        assertThat(read("statistical_period", "前言", "本报告所列数据统计期限为2023.1.1-2023.12.31。"))
                .isEqualTo("2023-01-01至2023-12-31");
        assertThat(read("statistical_period", "前言", "本报告中所列数据的统计期限自2022年1月1日起，至2022年12月31日止。"))
                .isEqualTo("2022-01-01至2022-12-31");
        assertThat(read("statistical_period", "前言", "报告中所列数据统计期限自 2023 年 1 月 1 日\n起至 2023 年 12 月 31 日止。"))
                .isEqualTo("2023-01-01至2023-12-31");
        assertThat(read("statistical_period", "前言", "本报告数据统计时限为2023年1月1日至2023年12月31日。"))
                .isEqualTo("2023-01-01至2023-12-31");
        assertThat(read("statistical_period", "前言", "报告统计数据截止时间为2022年12月31日。")).isEqualTo("截至2022-12-31");
        assertThat(findings("statistical_period", "前言", "本报告数据统计时限为2023年1月1日至2023年12月31日。",
                "TIME-PERIOD-MISSING")).isEmpty();
    }

    @Test
    void datesWhoseYearOrMonthWasLostAreReadForWhatTheySay() {
        assertThat(read("statistical_period", "前言", "本报告统计数据的时限自20221月1日起至202212月31日止。"))
                .isEqualTo("2022-01-01至2022-12-31");
        assertThat(read("statistical_period", "前言", "本报告中所列数据的统计期限自202111日起至20211231日止。"))
                .isEqualTo("2021-01-01至2021-12-31");
    }

    @Test
    void aPeriodWithoutItsYearsOrARangeNoNameIntroducesIsNoPeriod() {
        assertThat(read("statistical_period", "前言", "本报告中所列数据的统计期限自年1月1日起,至年12月31日止。"))
                .isEqualTo("none");
        assertThat(read("statistical_period", "一", "2023年1月1日至2023年12月31日,太和街道主动公开各类动态信息169篇。"))
                .isEqualTo("none");
        assertThat(findings("statistical_period", "前言", "本报告中所列数据的统计期限自年1月1日起,至年12月31日止。",
                "TIME-PERIOD-MISSING")).hasSize(1);
    }

    // ---- 正文中的数字（N6） ----

    @Test
    void aCompositeReportsBreakdownByOrganIsNoClaimAboutItsTables() {
        assertThat(read("claims", "一", "2023年全县共收到政府信息公开申请120件，其中县政府本级收到政府信息公开申请15件。"))
                .isEqualTo("applications_received 120");
    }

    @Test
    void aJusticeBureausOwnReviewCasesAreNoClaimAboutTableFour() {
        assertThat(read("claims", "一", "全年共办理行政复议案件56件，均不涉及政府信息公开。")).isEmpty();
        assertThat(read("claims", "一", "全年收到因政府信息公开申请引起的行政复议1件。")).isEqualTo("reviews 1");
    }

    // ---- 模板占位符 ----

    @Test
    void anAnonymisedNameOrAnAgencysOwnNoteIsNoTemplateLeftover() {
        assertThat(read("template_leftover", "一", "依法公开对××化工有限公司的行政处罚决定。")).isEqualTo("not_leftover");
        assertThat(read("template_leftover", "一", "全年公开行政处罚信息12条（说明：含简易程序处罚3条）。"))
                .isEqualTo("not_leftover");
        assertThat(findings("template_leftover", "一", "依法公开对××化工有限公司的行政处罚决定。", "COMP-TEMPLATE-LEFTOVER"))
                .isEmpty();
    }

    @Test
    void aPlaceholderForAnOrganADateOrACountAndATemplatesFillingNoteAreLeftovers() {
        assertThat(read("template_leftover", "一", "现将XX镇2020年度政务公开工作总结如下:")).isEqualTo("leftover");
        assertThat(read("template_leftover", "一", "共发布各类动态信息约XX条。")).isEqualTo("leftover");
        assertThat(read("template_leftover", "一", "（说明：此处填写本机关主动公开情况）")).isEqualTo("leftover");
        assertThat(findings("template_leftover", "一", "现将XX镇2020年度政务公开工作总结如下:", "COMP-TEMPLATE-LEFTOVER"))
                .singleElement().satisfies(f -> assertThat(f.evidence().excerpt()).contains("XX镇"));
    }
}
