package org.nianbao.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.Samples;
import org.nianbao.assessment.Assessment;
import org.nianbao.assessment.AssessmentOptions;
import org.nianbao.assessment.Assessor;
import org.nianbao.rules.RuleSetLoader;

class ScorecardTest {

    @TempDir
    Path dir;

    @Test
    void defaultScorecardFollowsTheRubric() {
        Scorecard card = ScorecardLoader.load(Samples.SCORECARD);

        assertThat(card.checks().stream().mapToDouble(Scorecard.Check::points).sum()).isEqualTo(100.0);
        // the rubric's 23 checks, and A8 (a figure 5× last year's) which the rubric gives no points: it only warns
        assertThat(card.checks()).hasSize(24);
        assertThat(card.check("A8").points()).isZero();
        assertThat(card.grades()).extracting(Scorecard.Grade::grade).containsExactly("优秀", "良好", "合格", "不合格");
    }

    @Test
    void changingANumberInTheScorecardChangesTheScoreWithoutRebuilding() throws IOException {
        String yaml = Files.readString(Samples.SCORECARD);
        Path edited = dir.resolve("strict.yaml");
        // N4 (信息处理费) worth 20 points instead of 4: sample 004 omits it and loses more
        String n4 = "points: 4\n    perFinding: 4\n";
        assertThat(yaml).containsOnlyOnce(n4);
        Files.writeString(edited, yaml.replace(n4, "points: 20\n    perFinding: 20\n"));
        var rules = RuleSetLoader.load(Samples.RULES);
        String name = "004_e93a6eea8c407df3.txt";

        Assessment before = new Assessor(rules, ScorecardLoader.load(Samples.SCORECARD)).assess(name, Samples.bytes(name), AssessmentOptions.NONE);
        Assessment after = new Assessor(rules, ScorecardLoader.load(edited)).assess(name, Samples.bytes(name), AssessmentOptions.NONE);

        assertThat(after.score()).isLessThan(before.score());
        assertThat(after.ruleset().scorecard()).isNotEqualTo(before.ruleset().scorecard());
    }

    @Test
    void governmentReportsAreDueOn31March() {
        Assessment a = Samples.assessor().assess("002_6d7e4eb448e02a30.txt", Samples.bytes("002_6d7e4eb448e02a30.txt"),
                new AssessmentOptions(null, null, "government"));

        assertThat(a.findings()).noneMatch(f -> f.ruleId().equals("TIME-PUBLISHED-LATE"));
    }

    @Test
    void aGivenPublicationDateDecidesTimeliness() {
        Assessment a = Samples.assessor().assess("000_0b909c2a4ee59f11.txt", Samples.bytes("000_0b909c2a4ee59f11.txt"),
                new AssessmentOptions(java.time.LocalDate.of(2024, 3, 15), null, null));

        assertThat(a.report().publishedOnSource()).isEqualTo("given");
        assertThat(a.flags()).contains("逾期超过30天公开");
        assertThat(a.grade()).isIn("合格", "不合格");
    }

    @Test
    void refusesAScorecardThatNamesAnUnknownCategoryOrKey() throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(Samples.SCORECARD).replace("category: narrative", "category: style"));
        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, Files.readString(Samples.SCORECARD).replace("perFinding: 3\n", "perFindng: 3\n"));

        assertThatThrownBy(() -> ScorecardLoader.load(bad)).isInstanceOf(InvalidScorecard.class).hasMessageContaining("style");
        assertThatThrownBy(() -> ScorecardLoader.load(typo)).isInstanceOf(InvalidScorecard.class).hasMessageContaining("perFindng");
    }
}
