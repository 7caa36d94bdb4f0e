package org.nianbao.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.nianbao.assessment.Assessment;
import org.nianbao.assessment.AssessmentOptions;
import org.nianbao.assessment.Assessor;
import org.nianbao.reading.RejectedInput;
import org.nianbao.rules.Finding;
import org.nianbao.rules.RuleFailure;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Runs the rule tests of a ruleset ({@code rules/tests/*.yaml}) against an assessor built from it: cases (a report,
 * the rules that must and must not fire on it) and phrasebooks (sentences and their readings, see {@link Phrasebook}).
 */
public final class RuleCases {

    public static final String FOLDER = "tests";
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private RuleCases() {
    }

    /** The outcome of one case: passed, or the reasons it failed. */
    public record Result(String file, String name, boolean passed, Double score, List<String> failures) {
    }

    /**
     * The rules that lack a case where they must fire, or a case where they must not: each rule is tested both
     * ways. One message per gap, in the rule list's order.
     */
    public static List<String> gaps(List<String> ruleIds, Path rulesDir) {
        java.util.Set<String> fire = new java.util.HashSet<>();
        java.util.Set<String> notFire = new java.util.HashSet<>();
        for (RuleCase c : cases(rulesDir)) {
            fire.addAll(c.mustFire());
            notFire.addAll(c.mustNotFire());
        }
        List<String> gaps = new ArrayList<>();
        for (String id : ruleIds) {
            if (!fire.contains(id)) {
                gaps.add("规则 " + id + " 没有「应当触发」的测试案例");
            }
            if (!notFire.contains(id)) {
                gaps.add("规则 " + id + " 没有「不应触发」的测试案例");
            }
        }
        return gaps;
    }

    /** Every case of the rule test files that can be read. */
    public static List<RuleCase> cases(Path rulesDir) {
        Path folder = rulesDir.resolve(FOLDER);
        List<RuleCase> all = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return all;
        }
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList()) {
                JsonNode root = YAML.readTree(Files.readAllBytes(file));
                List<RuleCase> cases = YAML.convertValue(root.get("cases"),
                        YAML.getTypeFactory().constructCollectionType(List.class, RuleCase.class));
                if (cases != null) {
                    all.addAll(cases);
                }
            }
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            return all; // reported with its reason by run()
        }
        return all;
    }

    public static List<Result> run(Assessor assessor, Path rulesDir) {
        Path folder = rulesDir.resolve(FOLDER);
        List<Result> results = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return results;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            return List.of(new Result(FOLDER, "?", false, null, List.of("无法读取规则测试目录：" + e.getMessage())));
        }
        for (Path file : files) {
            String fileName = FOLDER + "/" + file.getFileName();
            List<RuleCase> cases;
            try {
                JsonNode root = YAML.readTree(Files.readAllBytes(file));
                if (root != null && root.get("sentences") != null && root.get("sentences").isArray()) {
                    // a phrasebook: real sentences, each with the reading it must get
                    results.addAll(Phrasebook.run(assessor, fileName, Phrasebook.phrases(root, YAML)));
                    continue;
                }
                if (root == null || root.get("cases") == null || !root.get("cases").isArray()) {
                    results.add(new Result(fileName, "?", false, null, List.of("测试文件应有一个 cases: 或 sentences: 列表")));
                    continue;
                }
                cases = YAML.convertValue(root.get("cases"), YAML.getTypeFactory().constructCollectionType(List.class, RuleCase.class));
            } catch (IOException | JacksonException | IllegalArgumentException e) {
                results.add(new Result(fileName, "?", false, null, List.of("无法解析测试文件：" + e.getMessage())));
                continue;
            }
            for (RuleCase c : cases == null ? List.<RuleCase>of() : cases) {
                results.add(run(assessor, file.getParent(), fileName, c));
            }
        }
        return results;
    }

    private static Result run(Assessor assessor, Path folder, String file, RuleCase c) {
        List<String> failures = new ArrayList<>();
        Assessment a;
        List<String> files = new ArrayList<>(java.util.Arrays.asList(c.report(), c.previousYear()));
        files.addAll(c.otherAgencies());
        for (String report : files) {
            if (report != null && !folder.resolve(report).normalize().startsWith(folder.normalize())) {
                return new Result(file, c.name(), false, null, List.of("测试报告 " + report + " 不在测试目录中"));
            }
        }
        try {
            AssessmentOptions options = new AssessmentOptions(
                    c.publishedOn() == null ? null : LocalDate.parse(c.publishedOn()), null, c.level());
            if (c.previousYear() != null) {
                options = options.withPreviousYear(org.nianbao.reading.Readers.read(c.previousYear(),
                        Files.readAllBytes(folder.resolve(c.previousYear()))));
            }
            List<AssessmentOptions.OtherAgency> others = new ArrayList<>();
            for (String other : c.otherAgencies()) {
                AssessmentOptions.OtherAgency o = assessor.otherAgency(
                        org.nianbao.reading.Readers.read(other, Files.readAllBytes(folder.resolve(other))));
                others.add(o.agency() == null ? new AssessmentOptions.OtherAgency(other, o.sectionFive(), o.publishedOn()) : o);
            }
            options = options.withOtherAgencies(others);
            a = assessor.assess(c.report(), Files.readAllBytes(folder.resolve(c.report())), options);
        } catch (IOException | RejectedInput | java.time.format.DateTimeParseException | RuleFailure e) {
            return new Result(file, c.name(), false, null, List.of("无法评估报告 " + c.report() + "：" + e.getMessage()));
        }
        List<String> fired = a.findings().stream().map(Finding::ruleId).distinct().toList();
        for (String id : c.mustFire()) {
            if (!fired.contains(id)) {
                failures.add("规则 " + id + " 应当触发，但没有触发");
            }
        }
        for (String id : c.mustNotFire()) {
            if (fired.contains(id)) {
                failures.add("规则 " + id + " 不应触发，但触发了");
            }
        }
        if (c.score() != null && !c.score().contains(a.score())) {
            failures.add("得分 " + a.score() + " 不在期望范围 " + c.score() + " 内");
        }
        return new Result(file, c.name(), failures.isEmpty(), a.score(), List.copyOf(failures));
    }
}
