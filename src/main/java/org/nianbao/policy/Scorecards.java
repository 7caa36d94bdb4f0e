package org.nianbao.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.nianbao.scoring.InvalidScorecard;
import org.nianbao.scoring.Scorecard;
import org.nianbao.scoring.ScorecardLoader;

/**
 * The scorecards kept side by side in {@code scorecards/} (the national default, a province's own, last year's…),
 * each named by its {@code id}; one is chosen per request. They are part of the version in force, stored and
 * activated with its rules. A file that does not load is reported, not fatal.
 */
public final class Scorecards {

    /** A scorecard file that could not be loaded. */
    public record Problem(String file, String message) {
    }

    private final Map<String, Scorecard> byId;
    private final List<Problem> problems;

    private Scorecards(Map<String, Scorecard> byId, List<Problem> problems) {
        this.byId = byId;
        this.problems = problems;
    }

    /** No scorecard besides the one in force. */
    public static Scorecards none() {
        return new Scorecards(Map.of(), List.of());
    }

    /** The scorecards of a version: its {@code scorecards/} folder, once written out. */
    public static Scorecards of(Path bundleDir) {
        return load(bundleDir.resolve(RulesetFiles.SCORECARDS));
    }

    public static Scorecards load(Path dir) {
        Map<String, Scorecard> byId = new LinkedHashMap<>();
        List<Problem> problems = new java.util.ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().matches(".*\\.(yaml|yml|xlsx)$")).sorted().toList()) {
                    try {
                        Scorecard card = ScorecardLoader.load(f);
                        if (byId.putIfAbsent(card.id(), card) != null) {
                            problems.add(new Problem(f.getFileName().toString(), "记分卡编号 " + card.id() + " 重复"));
                        }
                    } catch (InvalidScorecard e) {
                        problems.add(new Problem(f.getFileName().toString(), String.join("；", e.problems())));
                    }
                }
            } catch (IOException e) {
                problems.add(new Problem(dir.toString(), "无法读取记分卡目录：" + e.getMessage()));
            }
        }
        return new Scorecards(byId, List.copyOf(problems));
    }

    public Scorecard get(String id) {
        return byId.get(id);
    }

    public List<Scorecard> all() {
        return List.copyOf(byId.values());
    }

    public List<Problem> problems() {
        return problems;
    }
}
