package org.nianbao.rounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ranks within a group: the better grade first, then the higher score; equal grade and score share a rank and the
 * next rank skips; unscored rows have none.
 */
class RankingTest {

    private static final List<String> GRADES = List.of("优秀", "良好", "合格", "不合格");

    private static Ranking.Row row(String agency, String group, Double score, String grade, String status) {
        return new Ranking.Row(null, null, agency, null, group, score, grade, List.of(), null, null, status, null, null,
                null, List.of());
    }

    private static String gradeOf(double score) {
        return score >= 90 ? "优秀" : score >= 70 ? "良好" : score >= 60 ? "合格" : "不合格";
    }

    private static Ranking.Row row(String agency, String group, Double score, String status) {
        return row(agency, group, score, score == null ? null : gradeOf(score), status);
    }

    @Test
    void tiesShareARankAndTheNextRankSkipsWithinEachGroup() {
        List<Ranking.Row> rows = new ArrayList<>(List.of(
                row("甲", "市直部门", 85.0, "scored"), row("乙", "市直部门", 90.0, "scored"),
                row("丙", "市直部门", 85.0, "scored"), row("丁", "市直部门", 80.0, "scored"),
                row("戊", "县区政府", 70.0, "scored"), row("己", "县区政府", null, "missing"),
                row("庚", "市直部门", null, "failed")));

        Ranking.rank(rows, GRADES);

        assertThat(rows).extracting(r -> r.agency() + r.rank())
                .containsExactly("甲2", "乙1", "丙2", "丁4", "戊1", "己null", "庚null");
    }

    @Test
    void aCappedReportRanksBelowEveryReportOfABetterGradeWhateverItsScore() {
        List<Ranking.Row> rows = new ArrayList<>(List.of(
                row("封顶", "市直部门", 94.79, "合格", "scored"), // a cap lowers the grade, not the score
                row("优秀", "市直部门", 91.0, "优秀", "scored"),
                row("良好", "市直部门", 84.38, "良好", "scored"),
                row("合格", "市直部门", 65.0, "合格", "scored")));

        Ranking.rank(rows, GRADES);

        assertThat(rows).extracting(r -> r.agency() + r.rank()).containsExactly("封顶3", "优秀1", "良好2", "合格4");
    }

    @Test
    void withinAGradeTheHigherScoreRanksFirstAndEqualScoresOfDifferentGradesDoNotTie() {
        List<Ranking.Row> rows = new ArrayList<>(List.of(
                row("甲", "市直部门", 90.63, "优秀", "scored"), row("乙", "市直部门", 93.75, "优秀", "scored"),
                row("丙", "市直部门", 90.63, "合格", "scored")));

        Ranking.rank(rows, GRADES);

        assertThat(rows).extracting(r -> r.agency() + r.rank()).containsExactly("甲2", "乙1", "丙3");
    }
}
