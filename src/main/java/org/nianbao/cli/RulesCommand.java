package org.nianbao.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nianbao.assessment.AssessmentOptions;
import org.nianbao.assessment.Assessor;
import org.nianbao.assessment.BatchItem;
import org.nianbao.policy.CatalogueEntry;
import org.nianbao.policy.DryRun;
import org.nianbao.policy.RuleCases;
import org.nianbao.policy.RulesetFiles;
import org.nianbao.policy.DefaultBundle;
import org.nianbao.policy.Validation;
import org.nianbao.reading.ReadingLimits;
import org.nianbao.reading.RejectedInput;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code rules validate|list|test|diff|export|import}: for policy staff changing rules and scorecards, with no server.
 * Exit status 0 when all is well, 1 when the rules are invalid or a rule test fails, 2 for bad usage.
 */
public final class RulesCommand {

    /** The service's own database (application.properties), relative to the folder the command runs in. */
    static final String DEFAULT_DB = "jdbc:h2:file:./data/nianbao;AUTO_SERVER=FALSE;WRITE_DELAY=0";

    static final String USAGE = """
            用法: java -jar nianbao.jar rules validate [--rules DIR] [--scorecard FILE]
                  java -jar nianbao.jar rules list     [--rules DIR] [--scorecard FILE]
                  java -jar nianbao.jar rules test     [--rules DIR] [--scorecard FILE]
                  java -jar nianbao.jar rules diff --candidate DIR [--candidate-scorecard FILE]
                                                   [--rules DIR] [--scorecard FILE] PATH...
                  java -jar nianbao.jar rules export DIR [--db JDBC-URL]
                  java -jar nianbao.jar rules import DIR --reason 原因 [--scorecard FILE] [--db JDBC-URL]
            validate 检查规则和记分卡（每个问题给出文件和行号）；list 列出规则目录；test 运行 rules/tests 中的规则测试；
            diff 用候选规则（或记分卡）与现行规则分别评分，列出每份报告的分数变化和增减的问题；
            export 把数据库中启用的规则版本（规则、规则测试、记分卡 scorecard.yaml）写到一个空目录，便于存入 git；
            import 把目录中的规则（连同 tests/ 和 scorecard.yaml）校验、测试后作为新版本启用（服务须先停止）。
            数据库默认为 %s。""".formatted(DEFAULT_DB);

    private RulesCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String action = args[0];
        Path rules = null;
        Path scorecard = null;
        Path candidate = null;
        Path candidateScorecard = null;
        List<Path> paths = new ArrayList<>();
        String db = DEFAULT_DB;
        String reason = null;
        try {
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--db" -> db = value(args, ++i);
                    case "--reason" -> reason = value(args, ++i);
                    case "--rules" -> rules = Path.of(value(args, ++i));
                    case "--scorecard" -> scorecard = Path.of(value(args, ++i));
                    case "--candidate" -> candidate = Path.of(value(args, ++i));
                    case "--candidate-scorecard" -> candidateScorecard = Path.of(value(args, ++i));
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("未知选项 " + args[i]);
                        }
                        paths.add(Path.of(args[i]));
                    }
                }
            }
            if (!List.of("validate", "list", "test", "diff", "export", "import").contains(action)) {
                throw new IllegalArgumentException("未知的子命令 " + action);
            }
            if ((action.equals("export") || action.equals("import")) && paths.size() != 1) {
                throw new IllegalArgumentException(action + " 需要一个目录");
            }
            if (action.equals("import") && (reason == null || reason.isBlank())) {
                throw new IllegalArgumentException("import 需要 --reason（启用原因）");
            }
            if (action.equals("diff") && (candidate == null && candidateScorecard == null || paths.isEmpty())) {
                throw new IllegalArgumentException("diff 需要 --candidate（或 --candidate-scorecard）和要评分的报告");
            }
        } catch (IllegalArgumentException e) {
            err.println("错误: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (action.equals("export")) {
            return BundleTransfer.export(paths.get(0), db, out, err);
        }
        if (action.equals("import")) {
            Path own = paths.get(0).resolve(RulesetFiles.SCORECARD);
            Path card = scorecard != null ? scorecard : Files.isRegularFile(own) ? own
                    : DefaultBundle.scorecardOr(Path.of("scorecards", "default.yaml"));
            return BundleTransfer.importFolder(paths.get(0), card, db, reason.strip(), out, err);
        }
        // without --rules / --scorecard: the folders beside the command, else the ones the jar carries
        rules = rules != null ? rules : DefaultBundle.rulesOr(Path.of("rules"));
        scorecard = scorecard != null ? scorecard : DefaultBundle.scorecardOr(Path.of("scorecards", "default.yaml"));

        Validation active = Validation.of(rules, scorecard);
        if (!active.valid()) {
            err.println("规则或记分卡有误，共 " + active.problems().size() + " 处：");
            active.problems().forEach(p -> err.println((p.fromParser() ? "  （详细信息）" : "  ") + p));
            return 1;
        }
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        switch (action) {
            case "validate" -> {
                out.printf("规则有效：%d 条规则（版本 %s），记分卡 %s%n", active.rules().rules().size(),
                        active.rules().version(), active.scorecard().label());
                return 0;
            }
            case "list" -> {
                out.println(json.writeValueAsString(CatalogueEntry.of(active.rules().rules(), active.scorecard())));
                return 0;
            }
            case "test" -> {
                var results = RuleCases.run(new Assessor(active.rules(), active.scorecard()), rules);
                long failed = results.stream().filter(r -> !r.passed()).count();
                for (var r : results) {
                    out.printf("%s %s — %s%n", r.passed() ? "通过" : "失败", r.file(), r.name());
                    r.failures().forEach(f -> out.println("      " + f));
                }
                List<String> gaps = RuleCases.gaps(active.rules().rules().stream().map(org.nianbao.rules.RuleInfo::id).toList(), rules);
                gaps.forEach(g -> out.println("提示 " + g));
                out.printf("%d passed, %d failed%n", results.size() - failed, failed);
                return failed == 0 ? 0 : 1;
            }
            default -> {
                Validation other = Validation.of(candidate == null ? rules : candidate,
                        candidateScorecard == null ? scorecard : candidateScorecard);
                if (!other.valid()) {
                    err.println("候选规则或记分卡有误，共 " + other.problems().size() + " 处：");
                    other.problems().forEach(p -> err.println((p.fromParser() ? "  （详细信息）" : "  ") + p));
                    return 1;
                }
                out.println(json.writeValueAsString(diff(new Assessor(active.rules(), active.scorecard()),
                        new Assessor(other.rules(), other.scorecard()), paths)));
                return 0;
            }
        }
    }

    static List<DryRun> diff(Assessor active, Assessor candidate, List<Path> paths) {
        List<DryRun> runs = new ArrayList<>();
        ReadingLimits limits = ReadingLimits.DEFAULT;
        for (Path file : ScoreCommand.expand(paths)) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                runs.add(DryRun.failed(file.toString(), "无法读取文件：" + e.getMessage()));
                continue;
            }
            try {
                List<BatchItem> before = active.assessEach(file.toString(), bytes, AssessmentOptions.NONE, limits);
                List<BatchItem> after = candidate.assessEach(file.toString(), bytes, AssessmentOptions.NONE, limits);
                for (int i = 0; i < before.size(); i++) {
                    BatchItem b = before.get(i);
                    runs.add(b.failed() ? DryRun.failed(b.source(), b.error())
                            : DryRun.compare(b.assessment(), after.get(i).assessment()));
                }
            } catch (RejectedInput e) {
                runs.add(DryRun.failed(file.toString(), e.getMessage()));
            }
        }
        return runs;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " 需要一个值");
        }
        return args[i];
    }

}
