package org.nianbao.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.nianbao.rules.InvalidRuleSet;
import org.nianbao.rules.RuleInfo;
import org.nianbao.rules.RuleProblem;
import org.nianbao.rules.SyntaxHints;
import org.nianbao.rules.RuleSet;
import org.nianbao.rules.RuleSetLoader;
import org.nianbao.scoring.InvalidScorecard;
import org.nianbao.scoring.Scorecard;
import org.nianbao.scoring.ScorecardLoader;

/**
 * Checks a ruleset and a scorecard before they are used: every rule file compiles, every rule has its check
 * and severity, the scorecard is well formed, and every check a rule counts against is in the scorecard.
 *
 * @param rules     the built ruleset, {@code null} when it has errors
 * @param scorecard the scorecard, {@code null} when it has errors
 */
public record Validation(List<RuleProblem> problems, RuleSet rules, Scorecard scorecard) {

    public boolean valid() {
        return problems.isEmpty();
    }

    public static Validation of(Path rulesDir, Path scorecardFile) {
        List<RuleProblem> problems = new ArrayList<>();
        RuleSet rules = null;
        Scorecard card = null;
        // the scorecard is read on a thread of its own while the rules load (on a cold JVM each takes a while)
        FutureTask<Scorecard> cardRead = new FutureTask<>(() -> ScorecardLoader.load(scorecardFile));
        Thread reader = new Thread(cardRead, "scorecard-read");
        reader.setDaemon(true);
        reader.start();
        try {
            rules = RuleSetLoader.load(rulesDir);
        } catch (InvalidRuleSet e) {
            problems.addAll(explained(rulesDir, e.problems()));
        }
        try {
            card = scorecard(cardRead);
        } catch (InvalidScorecard e) {
            String file = scorecardFile.getFileName().toString();
            e.problems().forEach(p -> problems.add(new RuleProblem(file, lineOf(p), p)));
        }
        if (rules != null && card != null) {
            for (RuleInfo rule : rules.rules()) {
                if (card.check(rule.check()) == null) {
                    List<String> ids = card.checks().stream().map(Scorecard.Check::id).toList();
                    List<String> near = org.nianbao.rules.RuleNames.nearest(rule.check(), ids);
                    problems.add(new RuleProblem(rule.file(), rule.line(),
                            "规则「%s」计入的检查项 %s 不在记分卡 %s 中。%s (unknown check %s%s)".formatted(rule.id(), rule.check(),
                                    card.id(), near.isEmpty() ? "记分卡的检查项：" + String.join("、", ids)
                                            : "是不是「" + String.join("」或「", near) + "」？",
                                    rule.check(), near.isEmpty() ? "" : " — did you mean " + near.get(0) + "?")));
                }
            }
        }
        return new Validation(List.copyOf(problems), problems.isEmpty() ? rules : null, problems.isEmpty() ? card : null);
    }

    /** The scorecard read beside the rules, or what reading it threw, as it was thrown. */
    private static Scorecard scorecard(FutureTask<Scorecard> read) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return read.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the read is short: finish waiting, then say so
                }
            }
        } catch (ExecutionException e) {
            throw org.nianbao.assessment.Parallel.thrown(e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The parser's messages of a rule file with, before them, the mistakes found in the file told in Chinese at their
     * line (or, when none is found, what the message most often means).
     */
    private static List<RuleProblem> explained(Path rulesDir, List<RuleProblem> problems) {
        List<RuleProblem> out = new ArrayList<>();
        java.util.Set<String> explainedFiles = new java.util.HashSet<>();
        for (RuleProblem p : problems) {
            if (SyntaxHints.isParserMessage(p.message()) && p.file() != null
                    && (p.file().endsWith(".drl") || p.file().endsWith(".dslr")) && explainedFiles.add(p.file())) {
                List<RuleProblem> hints = List.of();
                try {
                    String text = java.nio.file.Files.readString(rulesDir.resolve(p.file()));
                    hints = p.file().endsWith(".drl") ? SyntaxHints.of(p.file(), text)
                            : SyntaxHints.ofDslr(p.file(), text, sentences(rulesDir), problems.stream()
                                    .filter(q -> p.file().equals(q.file()) && SyntaxHints.isUnexpanded(q.message()))
                                    .map(RuleProblem::line).collect(java.util.stream.Collectors.toSet()));
                } catch (java.io.IOException | RuntimeException ignored) {
                    // the file cannot be read again: the parser's messages stand alone
                }
                out.addAll(hints.isEmpty() ? List.of(SyntaxHints.general(p)) : hints);
            }
        }
        out.addAll(problems);
        return out;
    }

    /** The sentences of the rule language, as the folder's .dsl files define them. */
    private static List<SyntaxHints.Sentence> sentences(Path rulesDir) throws java.io.IOException {
        List<SyntaxHints.Sentence> sentences = new ArrayList<>();
        try (var files = java.nio.file.Files.list(rulesDir)) {
            for (Path dsl : files.filter(f -> f.getFileName().toString().endsWith(".dsl")).sorted().toList()) {
                sentences.addAll(SyntaxHints.sentences(java.nio.file.Files.readString(dsl)));
            }
        }
        return sentences;
    }

    /** 「第 12 行：…」 → 12. */
    private static int lineOf(String problem) {
        var m = java.util.regex.Pattern.compile("^第 (\\d+) 行").matcher(problem);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
