package org.nianbao.scoring;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The order of a ranking: the better grade first, then the higher score. A cap lowers a report's grade and keeps
 * its score (a capped 94.79 is 合格, not 优秀), so ranking by score alone would put a capped report above reports
 * of a better grade; the grade decides first, and within a grade the score.
 */
public final class Standing {

    private Standing() {
    }

    /**
     * Best first. {@code grades} are the scorecard's grades from best to worst; a grade not among them (a report
     * scored with another scorecard) comes after them, and a missing score last.
     */
    public static <T> Comparator<T> order(List<String> grades, Function<T, String> grade, Function<T, Double> score) {
        return Comparator.comparingInt((T t) -> {
                    int i = grades.indexOf(grade.apply(t));
                    return i < 0 ? grades.size() : i;
                })
                .thenComparing(score, Comparator.nullsLast(Comparator.reverseOrder()));
    }
}
