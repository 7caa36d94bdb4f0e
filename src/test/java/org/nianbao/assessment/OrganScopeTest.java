package org.nianbao.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.nianbao.rules.Finding;

/**
 * Which rules bind a report and by when it is due come from the organ table: sample 000 (衢州市应急管理局) published by
 * other organs, each example read as the regulation requires, both ways.
 */
class OrganScopeTest {

    /** Sample 000's author sentence: who compiled the report. */
    private static final String AUTHOR = "由衢州市应急管理局完成本报告";
    /** Sample 000's sentence on assessment, review and accountability: systems, one result (no negative review). */
    private static final String ACCOUNTABILITY = "落实常态化工作考核制度、责任追究制度。积极邀请公众参与社会评议,本年度未因信息公开造成责任追究和负面社会评议情况。";

    /** Sample 000 titled as the report of {@code organ}, its author sentence naming it too. */
    private static String as(String organ) {
        return organ + "2023年政府信息公开工作年度报告\n" + Samples.text("000_0b909c2a4ee59f11.txt").replace(AUTHOR, "由" + organ + "完成本报告");
    }

    private static Assessment assess(String text, String publishedOn) {
        return Samples.assessor().assess("t.txt", text.getBytes(StandardCharsets.UTF_8),
                new AssessmentOptions(publishedOn == null ? null : LocalDate.parse(publishedOn), null, null));
    }

    private static List<String> ruleIds(Assessment a) {
        return a.findings().stream().map(Finding::ruleId).toList();
    }

    /** Sample 000 naming its organ nowhere: neither as author nor in the contact sentence. */
    private static String unnamed() {
        return Samples.text("000_0b909c2a4ee59f11.txt").replace(AUTHOR, "由本单位完成本报告")
                .replace("请联系:衢州市应急管理局办公室", "请联系:本单位办公室");
    }

    private static List<Finding> accountability(Assessment a) {
        return a.findings().stream().filter(f -> f.ruleId().equals("COMP-GOV-ACCOUNTABILITY")).toList();
    }

    @Test
    void aStateCouncilDepartmentWithAThreeCharacterNameIsLateOn15March() {
        Assessment late = assess(as("教育部"), "2024-03-15");

        assertThat(late.report().agency()).isEqualTo("教育部");
        assertThat(late.report().level()).isEqualTo("department");
        assertThat(ruleIds(late)).contains("TIME-PUBLISHED-LATE").doesNotContain("TIME-LEVEL-UNKNOWN");
        assertThat(late.findings()).filteredOn(f -> f.ruleId().equals("TIME-PUBLISHED-LATE"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("国务院部门", "2024-01-31", "第四十九条第一款"));
    }

    @Test
    void aStateCouncilDepartmentPublishingBefore31JanuaryIsOnTime() {
        assertThat(ruleIds(assess(as("商务部"), "2024-01-25"))).doesNotContain("TIME-PUBLISHED-LATE", "TIME-LEVEL-UNKNOWN");
        assertThat(ruleIds(assess(as("审计署"), "2024-01-31"))).doesNotContain("TIME-PUBLISHED-LATE");
    }

    @Test
    void aTownNamedHuzhenzhenIsATownshipGovernmentDueOn31JanuaryByDefault() {
        Assessment late = assess(as("湖镇镇"), "2024-02-10");

        assertThat(late.report().agency()).isEqualTo("湖镇镇人民政府");
        assertThat(late.report().level()).isEqualTo("township");
        assertThat(ruleIds(late)).contains("TIME-PUBLISHED-LATE");
        assertThat(ruleIds(assess(as("湖镇镇"), "2024-01-20"))).doesNotContain("TIME-PUBLISHED-LATE");
    }

    @Test
    void aCountyGovernmentsCompositeReportIsOnTimeOn15MarchAndLateInApril() {
        assertThat(ruleIds(assess(as("平阳县人民政府"), "2024-03-15"))).doesNotContain("TIME-PUBLISHED-LATE");
        assertThat(ruleIds(assess(as("平阳县人民政府"), "2024-04-02"))).contains("TIME-PUBLISHED-LATE");
    }

    @Test
    void aPeoplesGovernmentMustReportItsAssessmentResultUnderArticle50Item4() {
        List<Finding> found = accountability(assess(as("平阳县人民政府"), null));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("工作考核");
            assertThat(f.suggestion()).contains("第五十条第四项").doesNotContain("第六项");
        });
        assertThat(accountability(assess(as("龙游县湖镇镇人民政府"), null))).hasSize(1); // a township's government too
    }

    @Test
    void aStreetOfficeAndManagementCommitteesAreNoPeoplesGovernmentsAndNeedNotReportAssessmentResults() {
        for (String organ : new String[] {"杭州市余杭区人民政府仓前街道办事处", "某某经济技术开发区管委会", "某某风景名胜区管理委员会",
                "西咸新区管理委员会", "衢州市应急管理局"}) {
            assertThat(accountability(assess(as(organ), null))).as(organ).isEmpty();
        }
    }

    @Test
    void anAssessmentResultWrittenAsAGradeOrARankCounts() {
        for (String result : new String[] {"本年度政务公开工作考评结果为优秀。", "在全市政务公开工作考核中位列第一档。",
                "2023年度政务公开考核得分96分，名列全县第二名。"}) {
            String text = as("平阳县人民政府").replace(ACCOUNTABILITY, ACCOUNTABILITY + result);
            assertThat(accountability(assess(text, null))).as(result).isEmpty();
        }
    }

    @Test
    void aMentionOfTheSystemsOfArticle46IsNoResultWhicheverSystemItNames() {
        String assessmentSystem = as("平阳县人民政府").replace(ACCOUNTABILITY,
                "建立健全政府信息公开工作考核制度。本年度未发生责任追究情况，社会评议满意率为98%。");
        String reviewSystem = as("平阳县人民政府").replace(ACCOUNTABILITY,
                "建立健全社会评议制度。本年度政务公开工作考核结果为良好，未发生责任追究情况。");

        assertThat(accountability(assess(assessmentSystem, null))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("工作考核"));
        assertThat(accountability(assess(reviewSystem, null))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("社会评议"));
    }

    @Test
    void allThreeResultsStatedLeaveNothingToFind() {
        String stated = as("平阳县人民政府").replace(ACCOUNTABILITY,
                "本年度政务公开工作考核结果为良好，社会评议满意率为98%，未发生责任追究情况。");

        assertThat(accountability(assess(stated, null))).isEmpty();
    }

    @Test
    void anOrganTheTableCannotRecogniseIsHeldToTheOrganDeadlineWithANote() {
        String unnamed = unnamed();
        Assessment late = assess(unnamed, "2024-03-15");

        assertThat(late.report().agency()).isNull();
        assertThat(late.report().level()).isNull();
        assertThat(ruleIds(late)).contains("TIME-PUBLISHED-LATE", "TIME-LEVEL-UNKNOWN", "COMP-AGENCY-UNKNOWN");
        assertThat(ruleIds(assess(unnamed, "2024-01-20"))).contains("TIME-LEVEL-UNKNOWN").doesNotContain("TIME-PUBLISHED-LATE");
    }

    @Test
    void aLevelGivenBySubmitterDecidesTheDeadlineOfAnUnnamedReport() {
        String unnamed = unnamed();
        Assessment given = Samples.assessor().assess("t.txt", unnamed.getBytes(StandardCharsets.UTF_8),
                new AssessmentOptions(LocalDate.parse("2024-03-15"), null, "government"));

        assertThat(given.report().level()).isEqualTo("government");
        assertThat(ruleIds(given)).doesNotContain("TIME-PUBLISHED-LATE", "TIME-LEVEL-UNKNOWN");
    }

    @Test
    void rulesBindingCannotMakeRulesFollowTheTable() {
        String withRule = as("平阳县人民政府");
        assertThat(withRule).contains("规章 | 0 |");
        assertThat(ruleIds(assess(withRule.replaceFirst("规章 \\| 0 \\|", "规章 | 1 |"), null))).contains("ARITH-RULES-BY-ORGAN");
        assertThat(ruleIds(assess(as("教育部").replaceFirst("规章 \\| 0 \\|", "规章 | 1 |"), null))).doesNotContain("ARITH-RULES-BY-ORGAN");
    }
}
