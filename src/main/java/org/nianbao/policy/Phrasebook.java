package org.nianbao.policy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.nianbao.assessment.AssessmentOptions;
import org.nianbao.assessment.Assessor;
import org.nianbao.reading.Readers;
import org.nianbao.reading.RejectedInput;
import org.nianbao.report.NarrativeClaim;
import org.nianbao.report.ReportFacts;
import org.nianbao.report.Statement;
import org.nianbao.report.StatisticalPeriod;
import org.nianbao.rules.Finding;
import org.nianbao.rules.RuleFailure;
import tools.jackson.databind.JsonNode;

/**
 * Sentences from real reports, each with the reading a correct scorer gives it ({@code rules/tests/phrasebook.yaml}):
 * each is put where it stood (the preamble, part 一, 五 or 六) into a report that otherwise states nothing of its
 * kind, the report is assessed with the ruleset, and what was read must be the reading written — and the rule that
 * deducts for the thing missing must fire exactly when the reading is that it is missing.
 *
 * <p>Readings by kind: information_fee {@code not_charged | charged | unsure | not_stated}; fee_notice
 * {@code none_issued | issued | unsure | not_stated}; last_year_rectification {@code stated | unsure | not_stated};
 * work_assessment, public_review, accountability {@code stated | not_stated}; statistical_period
 * {@code 2023-01-01至2023-12-31 | 截至2023-12-31 | none}; template_leftover {@code leftover | not_leftover};
 * problems {@code problem | unsure | none}; measures {@code measure | unsure | none}; claims a list of
 * 「subject number」 ({@code [applications_received 2, reviews 0]}, {@code []} for none); row_label
 * 「row key」 or 「column key」 with {@code table}.
 */
public final class Phrasebook {

    /** One sentence and its reading, as written in the file. */
    public record Phrase(String kind, String text, Object reading, String part, String table, String agency,
                         Integer year, String source, String note, String polarity) {

        /** The reading as one text (a list of claims sorted and joined by 「; 」). */
        public String expected() {
            if (reading instanceof List<?> list) {
                return String.join("; ", new TreeSet<>(list.stream().map(String::valueOf).toList()));
            }
            return reading == null ? null : String.valueOf(reading);
        }
    }

    /** The kinds a sentence may be of. */
    public static final Set<String> KINDS = Set.of("information_fee", "fee_notice", "last_year_rectification",
            "work_assessment", "public_review", "accountability", "statistical_period", "template_leftover", "problems",
            "measures", "claims", "row_label");

    /** The rule that deducts for a missing thing, and the reading that means it is missing. */
    private static final Map<String, String[]> MISSING_RULE = Map.of(
            "information_fee", new String[] {"NARR-NO-INFO-FEE", "not_stated"},
            "last_year_rectification", new String[] {"NARR-NO-RECTIFICATION", "not_stated"},
            "statistical_period", new String[] {"TIME-PERIOD-MISSING", "none"},
            "template_leftover", new String[] {"COMP-TEMPLATE-LEFTOVER", "leftover"},
            "problems", new String[] {"NARR-NO-PROBLEMS|NARR-PART-FIVE-MISSING", "none"},
            "measures", new String[] {"NARR-NO-MEASURES|NARR-PART-FIVE-MISSING", "none"});
    /** The rule that notes an unsure reading (no deduction). */
    private static final Map<String, String> UNSURE_RULE = Map.of(
            "information_fee", "NARR-INFO-FEE-UNSURE",
            "last_year_rectification", "NARR-RECTIFICATION-UNSURE",
            "problems", "NARR-PROBLEMS-UNSURE",
            "measures", "NARR-MEASURES-UNSURE");

    private Phrasebook() {
    }

    /** The sentences of a file's {@code sentences:} list. */
    public static List<Phrase> phrases(JsonNode root, tools.jackson.databind.ObjectMapper yaml) {
        JsonNode list = root.get("sentences");
        return yaml.convertValue(list, yaml.getTypeFactory().constructCollectionType(List.class, Phrase.class));
    }

    /** Each sentence tested, on every core: passed, or what was read instead; in the file's order. */
    public static List<RuleCases.Result> run(Assessor assessor, String file, List<Phrase> phrases) {
        List<Integer> numbers = new ArrayList<>();
        for (int n = 1; n <= phrases.size(); n++) {
            numbers.add(n);
        }
        return org.nianbao.assessment.Parallel.inChunks(numbers, 24, org.nianbao.assessment.Parallel.threads(),
                chunk -> chunk.stream().map(n -> run(assessor, file, n, phrases.get(n - 1))).toList(), done -> {
                });
    }

    private static RuleCases.Result run(Assessor assessor, String file, int n, Phrase p) {
        String name = "第" + n + "句（" + p.kind() + "）" + shortText(p.text());
        List<String> failures = new ArrayList<>();
        if (p.kind() == null || !KINDS.contains(p.kind())) {
            return new RuleCases.Result(file, name, false, null, List.of("未知的 kind：" + p.kind() + "，应为 " + new TreeSet<>(KINDS)));
        }
        if (p.text() == null || p.expected() == null) {
            return new RuleCases.Result(file, name, false, null, List.of("缺少 text 或 reading"));
        }
        if (p.kind().equals("row_label")) {
            String got = LabelReading.of(assessor, p.table(), p.text());
            if (!p.expected().equals(got)) {
                failures.add("应读作「" + p.expected() + "」，实际读作「" + got + "」");
            }
            return new RuleCases.Result(file, name, failures.isEmpty(), null, List.copyOf(failures));
        }
        Assessor.Assessed assessed;
        byte[] report = PhraseReport.of(p).getBytes(StandardCharsets.UTF_8);
        try {
            assessed = assess(assessor, n, report);
        } catch (RejectedInput | RuleFailure e) {
            return new RuleCases.Result(file, name, false, null, List.of("无法评估：" + e.getMessage()));
        }
        ReportFacts facts = assessed.facts().facts();
        String got = reading(p.kind(), facts);
        if (!p.expected().equals(got)) {
            failures.add("应读作「" + p.expected() + "」，实际读作「" + got + "」");
        }
        List<String> fired = assessed.assessment().findings().stream().map(Finding::ruleId).distinct().toList();
        String[] missing = MISSING_RULE.get(p.kind());
        if (missing != null) {
            boolean shouldFire = missing[1].equals(p.expected());
            // one of the rules, when a missing thing may be told by more than one (no problems; no part 五 at all)
            boolean firedOne = java.util.Arrays.stream(missing[0].split("\\|")).anyMatch(fired::contains);
            if (shouldFire != firedOne) {
                failures.add("规则 " + missing[0].replace("|", " 或 ") + (shouldFire ? " 应当触发，但没有触发" : " 不应触发，但触发了"));
            }
        }
        String unsure = UNSURE_RULE.get(p.kind());
        if (unsure != null) {
            boolean shouldFire = Statement.UNSURE.equals(p.expected());
            if (shouldFire != fired.contains(unsure)) {
                failures.add("规则 " + unsure + (shouldFire ? " 应当触发，但没有触发" : " 不应触发，但触发了"));
            }
        }
        return new RuleCases.Result(file, name, failures.isEmpty(), null, List.copyOf(failures));
    }

    /**
     * The sentence's report assessed; once more when the rules ran out of time, which says something about the
     * machine (the first assessments of a process are the slowest), not about the sentence.
     */
    private static Assessor.Assessed assess(Assessor assessor, int n, byte[] report) {
        try {
            return assessor.assessKeepingFacts(Readers.read("phrase-" + n + ".txt", report), AssessmentOptions.NONE);
        } catch (org.nianbao.rules.RuleTimeout e) {
            return assessor.assessKeepingFacts(Readers.read("phrase-" + n + ".txt", report), AssessmentOptions.NONE);
        }
    }

    /** What the facts say about the kind, written as the file writes readings. */
    static String reading(String kind, ReportFacts facts) {
        return switch (kind) {
            case "information_fee", "fee_notice", "last_year_rectification", "work_assessment", "public_review",
                 "accountability" -> statement(kind, facts);
            case "template_leftover" -> facts.statements().stream().anyMatch(s -> s.kind().equals(kind))
                    ? "leftover" : "not_leftover";
            case "statistical_period" -> {
                StatisticalPeriod period = facts.period();
                yield period == null ? "none" : period.shown();
            }
            case "problems" -> !facts.problems().isEmpty() ? "problem"
                    : facts.unsure().stream().anyMatch(u -> u.kind().equals("problems")) ? "unsure" : "none";
            case "measures" -> !facts.measures().isEmpty() ? "measure"
                    : facts.unsure().stream().anyMatch(u -> u.kind().equals("measures")) ? "unsure" : "none";
            case "claims" -> {
                TreeSet<String> claims = new TreeSet<>();
                for (NarrativeClaim c : facts.claims()) {
                    double v = c.value();
                    claims.add(c.subject() + " " + (v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v)));
                }
                yield String.join("; ", claims);
            }
            default -> null;
        };
    }

    /** A statement's reading: the first plain one, else 「unsure」 when only unsure words were found, else not stated. */
    private static String statement(String kind, ReportFacts facts) {
        String unsure = null;
        for (Statement s : facts.statements()) {
            if (!s.kind().equals(kind)) {
                continue;
            }
            if (s.sure()) {
                return s.reading() == null ? "stated" : s.reading();
            }
            unsure = Statement.UNSURE;
        }
        return unsure != null ? unsure : "not_stated";
    }

    private static String shortText(String text) {
        if (text == null) {
            return "";
        }
        String one = text.replace('\n', ' ').strip();
        return one.length() > 40 ? one.substring(0, 40) + "…" : one;
    }
}
