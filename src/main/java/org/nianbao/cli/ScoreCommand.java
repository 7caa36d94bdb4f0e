package org.nianbao.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.nianbao.assessment.Assessment;
import org.nianbao.assessment.AssessmentOptions;
import org.nianbao.assessment.Assessor;
import org.nianbao.assessment.BatchItem;
import org.nianbao.assessment.Parallel;
import org.nianbao.export.Exports;
import org.nianbao.policy.DefaultBundle;
import org.nianbao.policy.Validation;
import org.nianbao.reading.Readers;
import org.nianbao.reading.ReadingLimits;
import org.nianbao.reading.RejectedInput;
import org.nianbao.rules.CompiledRules;
import org.nianbao.rules.RuleSetLoader;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code score [--format json|csv|xlsx] [--facts] [--published-on DATE] [--level LEVEL] [--rules DIR] [--scorecard FILE] PATH...}
 *
 * <p>Scores files and folders. With {@code --format json} standard output holds one JSON array of assessments
 * and nothing else. A file that cannot be read as a report yields {@code {"source": …, "error": …}}, the other
 * files are still scored, and the exit status is 2.
 */
public final class ScoreCommand {

    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
    static final String USAGE = """
            用法: java -jar nianbao.jar score [--format json|csv|xlsx] [--facts] [--published-on YYYY-MM-DD]
                                              [--level government|department|township]
                                              [--rules DIR] [--scorecard FILE] [--previous FILE] PATH...
            PATH 可以是文件或文件夹（文件夹中的文件逐个评分）；--previous 给出同一机关上一年度的报告，用于跨年度核对。""";

    private ScoreCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String format = "json";
        boolean withFacts = false;
        LocalDate publishedOn = null;
        String level = null;
        Path rulesDir = null;
        Path scorecardFile = null;
        Path previous = null;
        List<Path> paths = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--format" -> format = value(args, ++i, a);
                    case "--facts" -> withFacts = true;
                    case "--published-on" -> publishedOn = LocalDate.parse(value(args, ++i, a));
                    case "--level" -> level = value(args, ++i, a);
                    case "--rules" -> rulesDir = Path.of(value(args, ++i, a));
                    case "--scorecard" -> scorecardFile = Path.of(value(args, ++i, a));
                    case "--previous" -> previous = Path.of(value(args, ++i, a));
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> {
                        if (a.startsWith("--")) {
                            throw new IllegalArgumentException("未知选项 " + a);
                        }
                        paths.add(Path.of(a));
                    }
                }
            }
            if (!List.of("json", "csv", "xlsx").contains(format)) {
                throw new IllegalArgumentException("--format 只能是 json、csv 或 xlsx");
            }
            if (level != null && !org.nianbao.report.Report.isLevel(level)) {
                throw new IllegalArgumentException("--level 只能是 government、department 或 township");
            }
            if (paths.isEmpty()) {
                throw new IllegalArgumentException("请指定要评分的文件或文件夹");
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println("错误: " + e.getMessage());
            err.println(USAGE);
            return 1;
        }

        // the rule base compiled before is read on the other core while this thread reads the rule files: without
        // --rules, the one compiled with the jar (the folder beside the command most often holds the same rules)
        Path rulesGiven = rulesDir;
        Thread readAhead = new Thread(() -> {
            if (rulesGiven == null) {
                RuleSetLoader.readAheadCarried();
            } else {
                RuleSetLoader.readAhead(rulesGiven);
            }
        }, "rules-read-ahead");
        readAhead.setDaemon(true);
        readAhead.start();
        // without --rules / --scorecard: the folders beside the command, else the ones the jar carries
        rulesDir = rulesDir != null ? rulesDir : DefaultBundle.rulesOr(Path.of("rules"));
        scorecardFile = scorecardFile != null ? scorecardFile : DefaultBundle.scorecardOr(Path.of("scorecards", "default.yaml"));
        Validation rules = Validation.of(rulesDir, scorecardFile);
        settle(readAhead);
        if (!rules.valid()) {
            err.println("规则或记分卡有误，共 " + rules.problems().size() + " 处：");
            rules.problems().forEach(p -> err.println("  " + p));
            return 1;
        }
        Assessor assessor = new Assessor(rules.rules(), rules.scorecard());

        AssessmentOptions options = new AssessmentOptions(publishedOn, null, level);
        if (previous != null) {
            try {
                options = options.withPreviousYear(Readers.read(previous.toString(), read(previous, limits())));
            } catch (RejectedInput e) {
                err.println("错误: 上一年度报告 " + previous + " 无法读取：" + e.getMessage());
                return 1;
            }
        }
        ReadingLimits limits = limits();
        AssessmentOptions given = options;
        boolean facts = withFacts;
        // every core: the files in chunks, the results in the files' order
        List<Object> results = Parallel.inChunks(expand(paths), FILES_PER_TASK, Parallel.threads(), files -> {
            List<Object> scored = new ArrayList<>();
            files.forEach(file -> scored.addAll(score(assessor, file, given, limits, facts)));
            return scored;
        }, done -> { });
        boolean failed = results.stream().anyMatch(r -> !(r instanceof Assessment));
        List<String> categories = assessor.scorecard().categories().stream().map(c -> c.id()).toList();
        switch (format) {
            case "json" -> out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(results));
            case "csv" -> out.print(Exports.csv(items(results), categories));
            default -> out.writeBytes(Exports.xlsx(items(results), categories)); // redirect to a file: > scores.xlsx
        }
        out.flush();
        return failed ? 2 : 0;
    }

    /**
     * Waits for the read-ahead to end (it has, unless the rules were other files or were loaded before it began) and
     * lets go of what it read and nobody took, so nothing is held past the command.
     */
    private static void settle(Thread readAhead) {
        try {
            readAhead.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        CompiledRules.forgetReadAhead();
    }

    /** Files a task scores at a time: few enough to share the work between cores, enough to be worth a task. */
    private static final int FILES_PER_TASK = 8;

    /** One file's assessments (an archive has several), or an error entry for what cannot be assessed. */
    private static List<Object> score(Assessor assessor, Path file, AssessmentOptions options, ReadingLimits limits,
                                      boolean withFacts) {
        List<Object> results = new ArrayList<>();
        try {
            for (BatchItem item : assessor.assessEach(file.toString(), read(file, limits), options, limits)) {
                if (item.failed()) {
                    results.add(error(item.source(), item.error()));
                } else {
                    results.add(withFacts ? item.assessment() : item.assessment().withoutFacts());
                }
            }
        } catch (RejectedInput e) {
            results.add(error(file.toString(), e.getMessage()));
        } catch (RuntimeException e) {
            results.add(error(file.toString(), "评分时出错 (assessment failed): " + e));
        }
        return results;
    }

    private static List<Exports.Item> items(List<Object> results) {
        return results.stream().map(r -> r instanceof Assessment a ? Exports.Item.of(a)
                : Exports.Item.failed(String.valueOf(((Map<?, ?>) r).get("source")), String.valueOf(((Map<?, ?>) r).get("error")))).toList();
    }

    private static Map<String, String> error(String source, String message) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("source", source);
        e.put("error", message);
        return e;
    }

    /** The size limit is the system property {@code nianbao.max-bytes} (default 20 MiB). */
    private static ReadingLimits limits() {
        return ReadingLimits.withMaxBytes(Long.getLong("nianbao.max-bytes", DEFAULT_MAX_BYTES));
    }

    private static byte[] read(Path file, ReadingLimits limits) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new RejectedInput(RejectedInput.Reason.UNSUPPORTED_FORMAT, "文件不存在或不是普通文件 (no such file)");
            }
            long size = Files.size(file);
            if (size > limits.maxBytes()) {
                throw RejectedInput.tooLarge(size, limits.maxBytes());
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RejectedInput(RejectedInput.Reason.UNSUPPORTED_FORMAT, "无法读取文件 (cannot read): " + e.getMessage());
        }
    }

    /** Files as given, and the files of folders (recursively, sorted, hidden files skipped). */
    static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile)
                            .filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " 需要一个值");
        }
        return args[i];
    }

}
