package org.nianbao.scoring;

import java.util.List;

/** A scorecard file that cannot be used, with every problem found. */
public class InvalidScorecard extends RuntimeException {

    private final List<String> problems;

    public InvalidScorecard(String file, List<String> problems) {
        super("记分卡有误 (invalid scorecard) " + file + ":\n" + String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
