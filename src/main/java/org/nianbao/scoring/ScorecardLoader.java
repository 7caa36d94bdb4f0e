package org.nianbao.scoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads and validates a scorecard file: YAML, or a spreadsheet ({@code .xlsx}, see {@link ScorecardSheets}). */
public final class ScorecardLoader {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ScorecardLoader() {
    }

    public static Scorecard load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidScorecard(file.toString(), List.of("无法读取记分卡文件：" + e.getMessage()));
        }
        Scorecard card;
        try {
            card = file.toString().endsWith(".xlsx") ? ScorecardSheets.read(bytes) : YAML.readValue(bytes, Scorecard.class);
        } catch (InvalidScorecard e) {
            throw new InvalidScorecard(file.toString(), e.problems());
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : "第 %d 行：".formatted(e.getLocation().getLineNr());
            throw new InvalidScorecard(file.toString(), List.of(where + e.getOriginalMessage()));
        }
        List<String> problems = validate(card);
        if (!problems.isEmpty()) {
            throw new InvalidScorecard(file.toString(), problems);
        }
        String hash = hash(bytes);
        return new Scorecard(card.id(), card.name(), card.version() + "+" + hash, card.categories(), card.checks(),
                card.grades(), card.deadlines(), card.caps(), card.omittedByReport(), card.scope());
    }

    static List<String> validate(Scorecard card) {
        List<String> problems = new ArrayList<>();
        if (card.id() == null || card.version() == null) {
            problems.add("缺少 id 或 version");
        }
        Set<String> categories = new HashSet<>();
        card.categories().forEach(c -> categories.add(c.id()));
        Set<String> checks = new HashSet<>();
        for (Scorecard.Check check : card.checks()) {
            if (!checks.add(check.id())) {
                problems.add("检查项 %s 重复".formatted(check.id()));
            }
            if (!categories.contains(check.category())) {
                problems.add("检查项 %s 的类别「%s」未在 categories 中定义".formatted(check.id(), check.category()));
            }
            if (check.points() < 0) {
                problems.add("检查项 %s 的分值不能为负".formatted(check.id()));
            }
            for (String need : check.needs()) {
                if (!Scorecard.REPORT_CONTENTS.contains(need) && !Scorecard.OUTSIDE_INPUTS.contains(need)) {
                    problems.add("检查项 %s 的 needs 只能是 %s、%s，而不是「%s」".formatted(check.id(),
                            String.join("、", Scorecard.REPORT_CONTENTS), String.join("、", Scorecard.OUTSIDE_INPUTS), need));
                }
            }
        }
        if (!List.of(Scorecard.FAIL, Scorecard.NOT_APPLICABLE).contains(card.omittedByReport())) {
            problems.add("omittedByReport 应为 %s（不得分）或 %s（不计入、按比例折算），而不是「%s」".formatted(
                    Scorecard.FAIL, Scorecard.NOT_APPLICABLE, card.omittedByReport()));
        }
        Set<String> grades = new HashSet<>();
        double previous = Double.MAX_VALUE;
        for (Scorecard.Grade g : card.grades()) {
            grades.add(g.grade());
            if (g.min() >= previous) {
                problems.add("等级应按分数从高到低排列：%s".formatted(g.grade()));
            }
            previous = g.min();
        }
        if (card.grades().isEmpty() || card.grades().get(card.grades().size() - 1).min() > 0) {
            problems.add("最低一档等级的 min 应为 0");
        }
        for (Scorecard.Cap cap : card.caps()) {
            if (!grades.contains(cap.maxGrade())) {
                problems.add("封顶规则 %s 的等级「%s」未在 grades 中定义".formatted(cap.id(), cap.maxGrade()));
            }
            Scorecard.Tolerance t = cap.tolerance();
            if (t != null && (t.units() == null && t.percent() == null
                    || t.units() != null && t.units() < 0 || t.percent() != null && t.percent() < 0)) {
                problems.add("封顶规则 %s 的容差 tolerance 应给出不为负的 units 或 percent".formatted(cap.id()));
            }
        }
        // the deadlines are the organ table's (rules/organs.yaml); a scorecard written before still gives them, unused
        for (String key : card.deadlines().keySet()) {
            String md = card.deadlines().get(key);
            try {
                MonthDay.parse("--" + md);
            } catch (DateTimeException | NullPointerException e) {
                problems.add("deadlines.%s 应为「月-日」，如 \"01-31\"".formatted(key));
            }
        }
        return problems;
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
