package org.nianbao.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.Samples;
import org.nianbao.assessment.Assessment;
import org.nianbao.assessment.AssessmentOptions;
import org.nianbao.assessment.Assessor;
import org.nianbao.reading.RejectedInput;
import org.nianbao.rules.Finding;
import org.nianbao.rules.RuleSet;
import org.nianbao.rules.RuleSetLoader;

/**
 * Scores a committee can defend: caps in proportion to the failure (a slip of a unit is a deduction, a total
 * column that does not balance or cannot be checked is a cap); leaving out what a check needs never raises a score;
 * reports in the format before 2019 are refused with the reason. Each example both ways.
 */
class ScorerTest {

    @TempDir
    Path dir;

    private static final RuleSet RULES = RuleSetLoader.load(Samples.RULES);

    /** Sample 000 (衢州市应急管理局, 2023, one application) published on time: 93.75, 优秀. */
    private static final String QUZHOU = "000_0b909c2a4ee59f11.txt";
    private static final String CARRIED_FORWARD = "四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |";
    private static final AssessmentOptions ON_TIME = new AssessmentOptions(LocalDate.of(2024, 1, 20), null, null);

    private static Assessment quzhou(String from, String to) {
        return assess(Samples.assessor(), from, to);
    }

    private static Assessment assess(Assessor assessor, String from, String to) {
        String text = Samples.text(QUZHOU);
        assertThat(text).contains(from);
        return assessor.assess(QUZHOU, text.replace(from, to).getBytes(StandardCharsets.UTF_8), ON_TIME);
    }

    /** 「四、结转下年度」 with this total instead of 0: 一+二 = 1, 三(七)+四 = 1 + total. */
    private static Assessment carriedForwardTotal(Assessor assessor, int total) {
        return assess(assessor, CARRIED_FORWARD, CARRIED_FORWARD.substring(0, CARRIED_FORWARD.length() - 3) + total + " |");
    }

    private Assessor withScorecard(String from, String to) throws IOException {
        String yaml = Files.readString(Samples.SCORECARD);
        assertThat(yaml).contains(from);
        Path card = dir.resolve("edited.yaml");
        Files.writeString(card, yaml.replace(from, to));
        return new Assessor(RULES, ScorecardLoader.load(card));
    }

    private static List<String> ruleIds(Assessment a) {
        return a.findings().stream().map(Finding::ruleId).toList();
    }

    private static CheckResult check(Assessment a, String id) {
        return a.checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static int gradeRank(Assessment a) {
        return List.of("优秀", "良好", "合格", "不合格").indexOf(a.grade());
    }

    // ---- caps in proportion ------------------------------------------------------------------------------------

    @Test
    void aOneUnitSlipInTheTotalColumnDeductsButDoesNotCap() {
        Assessment clean = quzhou(CARRIED_FORWARD, CARRIED_FORWARD);
        Assessment slip = carriedForwardTotal(Samples.assessor(), 1);

        assertThat(clean.score()).isEqualTo(93.75);
        assertThat(clean.grade()).isEqualTo("优秀");
        assertThat(ruleIds(slip)).contains("ARITH-T3-BALANCE-TOTAL");
        assertThat(slip.score()).isEqualTo(90.63).isLessThan(clean.score());
        assertThat(slip.grade()).isEqualTo("优秀"); // was 合格: the cap took any imbalance of the total column
        assertThat(slip.flags()).isEmpty();
    }

    @Test
    void aTotalColumnOffBeyondTheToleranceIsCappedWithTheReasonShown() {
        Assessment off = carriedForwardTotal(Samples.assessor(), 2);

        assertThat(off.score()).isEqualTo(90.63);
        assertThat(off.grade()).isEqualTo("合格");
        assertThat(off.flags()).singleElement().asString()
                .startsWith("表3总计列勾稽关系不成立").contains("1 与 3 相差 2", "相差大于1且大于较大数的1%");
    }

    @Test
    void aMissingRowOfTheTotalColumnsBalanceIsCappedLikeAnImbalance() {
        Assessment missing = quzhou(CARRIED_FORWARD + "\n", "");
        Assessment present = quzhou(CARRIED_FORWARD, CARRIED_FORWARD);

        assertThat(ruleIds(missing)).contains("ARITH-T3-BALANCE-UNCHECKABLE");
        assertThat(missing.score()).isEqualTo(84.38);
        assertThat(missing.grade()).isEqualTo("合格"); // was 良好: leaving the row out escaped the cap a slip got
        assertThat(missing.flags()).singleElement().asString().contains("表3缺少勾稽关系所需的行");
        assertThat(present.flags()).isEmpty();
    }

    @Test
    void aOneUnitSlipIsNeverWorseThanAMissingRow() {
        Assessment slip = carriedForwardTotal(Samples.assessor(), 1);
        Assessment missing = quzhou(CARRIED_FORWARD + "\n", "");

        assertThat(slip.score()).isGreaterThan(missing.score());
        assertThat(gradeRank(slip)).isLessThan(gradeRank(missing));
    }

    @Test
    void theToleranceIsTheScorecardsToSet() throws IOException {
        String tolerance = "    tolerance: { units: 1, percent: 1 }\n";
        Assessor none = withScorecard(tolerance, "");
        Assessor wide = withScorecard(tolerance, "    tolerance: { units: 20 }\n");

        assertThat(carriedForwardTotal(none, 1).grade()).isEqualTo("合格"); // every imbalance caps, as before
        assertThat(carriedForwardTotal(none, 1).flags()).containsExactly("表3总计列勾稽关系不成立");
        assertThat(carriedForwardTotal(wide, 9).grade()).isEqualTo("优秀");
        assertThat(carriedForwardTotal(wide, 21).grade()).isEqualTo("合格");
    }

    // ---- what the report leaves out never raises its score -----------------------------------------------------

    /** Sample 001 with every 「2023年」 made 「本年」: the reader finds no year in it. */
    private static Assessment withoutAYear(Assessor assessor) {
        String name = "001_0f3a3c160bddc4d1.txt";
        Assessment a = assessor.assess(name, Samples.text(name).replace("2023年", "本年").getBytes(StandardCharsets.UTF_8),
                AssessmentOptions.NONE);
        assertThat(a.report().year()).isNull();
        return a;
    }

    @Test
    void aReportWithoutAYearNeverScoresHigherThanWithOne() {
        Assessment dated = Samples.assess("001_0f3a3c160bddc4d1.txt");
        Assessment undated = withoutAYear(Samples.assessor());

        assertThat(undated.score()).isLessThan(dated.score());
        for (String id : List.of("T1", "C5", "N3", "N4", "N5")) {
            assertThat(check(undated, id).outcome()).as(id).isEqualTo("failed");
            assertThat(check(undated, id).earned()).as(id).isZero();
        }
        assertThat(undated.findings()).filteredOn(f -> f.ruleId().equals(Scorer.YEAR_OMITTED))
                .extracting(Finding::check).containsExactlyInAnyOrder("T1", "C5", "N3", "N4", "N5");
        assertThat(undated.findings()).filteredOn(f -> f.ruleId().equals(Scorer.YEAR_OMITTED))
                .allSatisfy(f -> assertThat(f.message()).contains("报告没有写明所报告的年度"));
        assertThat(dated.findings()).noneMatch(f -> f.ruleId().equals(Scorer.YEAR_OMITTED));
    }

    @Test
    void scoredAsNotApplicableTheMissingYearWouldRaiseTheScore() throws IOException {
        Assessor rescaling = withScorecard("omittedByReport: fail", "omittedByReport: notApplicable");
        Assessment dated = rescaling.assess("001_0f3a3c160bddc4d1.txt", Samples.bytes("001_0f3a3c160bddc4d1.txt"),
                AssessmentOptions.NONE);
        Assessment undated = withoutAYear(rescaling);

        // the old way: C5, N3–N5 and T1 left out and the rest rescaled, to the report's advantage
        assertThat(undated.score()).isGreaterThan(dated.score());
        assertThat(check(undated, "N3").outcome()).isEqualTo("not_applicable");
        assertThat(undated.findings()).noneMatch(f -> f.ruleId().equals(Scorer.YEAR_OMITTED));
    }

    @Test
    void whatTheOutsideWorldLeavesUndecidedStaysNotApplicable() {
        Assessment noDate = Samples.assess(QUZHOU); // no publication date known, no last year's report given

        assertThat(check(noDate, "T1").outcome()).isEqualTo("not_applicable");
        assertThat(check(noDate, "A6").outcome()).isEqualTo("not_applicable");
        assertThat(check(noDate, "A7").outcome()).isEqualTo("not_applicable");
        assertThat(noDate.findings()).noneMatch(f -> f.ruleId().startsWith("SCORE-"));
        assertThat(noDate.score()).isEqualTo(89.53);
    }

    @Test
    void aReportWithoutAYearOrAKnownPublicationDateLeavesTheDeadlineCheckNotApplicable() {
        // 003 gives no date at all: without the publication date T1 is undecided by the outside world, year or not
        String name = "003_a08e251a7459b3ee.txt";
        Assessment undated = Samples.assessor().assess(name,
                Samples.text(name).replace("2023年", "本年").getBytes(StandardCharsets.UTF_8), AssessmentOptions.NONE);

        assertThat(undated.report().year()).isNull();
        assertThat(undated.report().publishedOn()).isNull();
        assertThat(check(undated, "T1").outcome()).isEqualTo("not_applicable");
        assertThat(check(undated, "N3").outcome()).isEqualTo("failed");
        assertThat(check(undated, "A7").outcome()).isEqualTo("not_applicable"); // no last year's report either
        assertThat(undated.score()).isLessThan(Samples.assess(name).score());
    }

    @Test
    void aReviewerWhoDismissesTheMissingYearLeavesItsChecksNotApplicable() {
        String name = "001_0f3a3c160bddc4d1.txt";
        byte[] undated = Samples.text(name).replace("2023年", "本年").getBytes(StandardCharsets.UTF_8);

        Assessment dismissed = Samples.assessor().assess(name, undated,
                AssessmentOptions.NONE.withDismissed(Set.of(Scorer.YEAR_OMITTED)));

        assertThat(check(dismissed, "N3").outcome()).isEqualTo("not_applicable");
        assertThat(dismissed.findings()).noneMatch(f -> f.ruleId().equals(Scorer.YEAR_OMITTED));
        assertThat(dismissed.score()).isGreaterThan(withoutAYear(Samples.assessor()).score());
    }

    // ---- reports older than the 2019 format ----------------------------------------------------------------------

    private static byte[] dingxiAs(int year) {
        return Samples.text("002_6d7e4eb448e02a30.txt").replace("2020年", year + "年")
                .replace("发布时间:2021-02-08", "发布时间:" + (year + 1) + "-02-08").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aReportOnAYearBeforeThe2019FormatIsRefusedWithTheReason() {
        assertThatThrownBy(() -> Samples.assessor().assess("dingxi-2017.txt", dingxiAs(2017), AssessmentOptions.NONE))
                .isInstanceOfSatisfying(RejectedInput.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectedInput.Reason.OUT_OF_SCOPE))
                .hasMessageContaining("2017年度的报告早于2019年起施行的年度报告格式").hasMessageContaining("不在评分范围内");
    }

    @Test
    void aReportOn2019IsScored() {
        Assessment a = Samples.assessor().assess("dingxi-2019.txt", dingxiAs(2019), AssessmentOptions.NONE);

        assertThat(a.report().year()).isEqualTo(2019);
        assertThat(a.score()).isPositive();
    }

    @Test
    void theScopeIsTheScorecardsToSet() throws IOException {
        Assessor everyYear = withScorecard("  fromYear: 2019\n", "");

        Assessment a = everyYear.assess("dingxi-2017.txt", dingxiAs(2017), AssessmentOptions.NONE);

        assertThat(a.report().year()).isEqualTo(2017);
        assertThat(a.findings()).noneMatch(f -> f.ruleId().equals("TIME-PUBLISHED-LATE")); // 31 March for ≤ 2018
    }

    @Test
    void aFormatTheScorecardDoesNotScoreIsRefused() {
        Scorecard.Scope scope = new Scorecard.Scope(2019, List.of("2019", "2021"));
        org.nianbao.report.Report old = new org.nianbao.extraction.ReportExtractor(RULES.statements(), RULES.organs())
                .extract(org.nianbao.reading.Readers.read("x.txt", Samples.bytes(QUZHOU)).text()).report();

        assertThat(scope.refusal(old)).isNull();
        assertThat(scope.refusal(old.withFormatAndCompleteness("2008", old.completeness())))
                .contains("统计表格式（2008）", "不在评分范围内");
    }
}
