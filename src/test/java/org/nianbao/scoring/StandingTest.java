package org.nianbao.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order of a ranking or an export: grade first (as the scorecard lists its grades), then score. */
class StandingTest {

    private record Entry(String name, String grade, Double score) {
    }

    private static final List<String> GRADES = List.of("优秀", "良好", "合格", "不合格");

    private static List<String> ordered(Entry... entries) {
        List<Entry> list = new ArrayList<>(List.of(entries));
        list.sort(Standing.order(GRADES, Entry::grade, Entry::score));
        return list.stream().map(Entry::name).toList();
    }

    @Test
    void theGradeDecidesBeforeTheScore() {
        assertThat(ordered(new Entry("capped", "合格", 94.79), new Entry("good", "良好", 84.38),
                new Entry("best", "优秀", 91.0))).containsExactly("best", "good", "capped");
    }

    @Test
    void withinAGradeTheScoreDecides() {
        assertThat(ordered(new Entry("low", "优秀", 90.63), new Entry("high", "优秀", 93.75)))
                .containsExactly("high", "low");
    }

    @Test
    void aGradeTheScorecardDoesNotKnowAndAMissingScoreComeLast() {
        assertThat(ordered(new Entry("other", "A", 99.0), new Entry("none", "不合格", null),
                new Entry("poor", "不合格", 40.0))).containsExactly("poor", "none", "other");
    }
}
