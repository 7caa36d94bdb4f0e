package org.nianbao.rounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ranks within a group: best first, equal scores share a rank and the next rank skips; unscored rows have none. */
class RankingTest {

    private static Ranking.Row row(String agency, String group, Double score, String status) {
        return new Ranking.Row(null, null, agency, null, group, score, null, List.of(), null, null, status, null, null,
                null, List.of());
    }

    @Test
    void tiesShareARankAndTheNextRankSkipsWithinEachGroup() {
        List<Ranking.Row> rows = new ArrayList<>(List.of(
                row("甲", "市直部门", 85.0, "scored"), row("乙", "市直部门", 90.0, "scored"),
                row("丙", "市直部门", 85.0, "scored"), row("丁", "市直部门", 80.0, "scored"),
                row("戊", "县区政府", 70.0, "scored"), row("己", "县区政府", null, "missing"),
                row("庚", "市直部门", null, "failed")));

        Ranking.rank(rows);

        assertThat(rows).extracting(r -> r.agency() + r.rank())
                .containsExactly("甲2", "乙1", "丙2", "丁4", "戊1", "己null", "庚null");
    }
}
