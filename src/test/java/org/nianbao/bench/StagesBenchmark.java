package org.nianbao.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.nianbao.assessment.Assessment;
import org.nianbao.assessment.AssessmentOptions;
import org.nianbao.assessment.Assessor;
import org.nianbao.extraction.ReportExtractor;
import org.nianbao.reading.Document;
import org.nianbao.reading.Readers;
import org.nianbao.report.Deadline;
import org.nianbao.report.ExpectedRow;
import org.nianbao.report.ExtractionNote;
import org.nianbao.report.ReportFacts;
import org.nianbao.report.TableColumn;
import org.nianbao.report.TableRow;
import org.nianbao.rules.Finding;
import org.nianbao.rules.RuleEngine;
import org.nianbao.rules.RuleSet;
import org.nianbao.rules.RuleSetLoader;
import org.nianbao.scoring.ScorecardLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One report assessed end to end, and where its time goes: reading, extraction, the whole rule session; and the rule engine's own cost
 * as a ratio — a session of the table identities A1–A4 (the rules of {@code rules/arithmetic.drl} before A5) beside
 * the same identities checked in plain Java over the same facts. Setup checks that the two find the same.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dlogback.configurationFile=src/build/logback.xml") // errors only, as the service logs the engine
public class StagesBenchmark {

    @Param({"000_0b909c2a4ee59f11.txt", "001_0f3a3c160bddc4d1.txt", "002_6d7e4eb448e02a30.txt",
            "003_a08e251a7459b3ee.txt", "004_e93a6eea8c407df3.txt"})
    public String sample;

    private byte[] bytes;
    private Document document;
    private ReportExtractor extractor;
    private ReportFacts facts;
    private List<Object> all;
    private RuleSet rules;
    private RuleSet identities;
    private Assessor assessor;

    @Setup
    public void setUp() throws Exception {
        rules = RuleSetLoader.load(Path.of("rules"));
        assessor = new Assessor(rules, ScorecardLoader.load(Path.of("scorecards/default.yaml")));
        identities = RuleSetLoader.load(identitiesOnly());
        bytes = Files.readAllBytes(Path.of("src/test/resources/samples").resolve(sample));
        document = Readers.read(sample, bytes);
        extractor = new ReportExtractor(rules.statements(), rules.organs());
        facts = extractor.extract(document.text());
        // the facts of a session as an assessment makes it: the report's own and its deadline (the timeliness rules)
        all = new ArrayList<>(facts.all());
        all.add(rules.organs().organOf(facts.report()));
        Deadline deadline = rules.organs().deadlineFor(facts.report());
        if (deadline != null) {
            all.add(deadline);
        }
        long byRules = RuleEngine.evaluate(identities, all).findings().stream().filter(f -> f.check().compareTo("A5") < 0).count();
        int byHand = handWrittenIdentities();
        if (byRules != byHand) {
            throw new IllegalStateException(sample + ": the rules find " + byRules + ", the Java check " + byHand);
        }
    }

    /** The rules folder with {@code arithmetic.drl} cut before its first A5 rule, and nothing else but the statements. */
    private static Path identitiesOnly() throws Exception {
        Path dir = Files.createTempDirectory("identities");
        String drl = Files.readString(Path.of("rules/arithmetic.drl"));
        Files.writeString(dir.resolve("arithmetic.drl"), drl.substring(0, drl.indexOf("\n// A5")));
        Files.copy(Path.of("rules/statements.yaml"), dir.resolve("statements.yaml"));
        return dir;
    }

    /** One report, end to end: read + extract + rules + score. */
    @Benchmark
    public Assessment assessReport() {
        return assessor.assess(sample, bytes, AssessmentOptions.NONE);
    }

    @Benchmark
    public Document read() {
        return Readers.read(sample, bytes);
    }

    @Benchmark
    public ReportFacts extract() {
        return extractor.extract(document.text());
    }

    /** The whole rule session: every rule over every fact, the deadline included. */
    @Benchmark
    public List<Finding> allRules() {
        return RuleEngine.evaluate(rules, all).findings();
    }

    /** A rule session of the rules of A1–A4 alone. */
    @Benchmark
    public List<Finding> identityRules() {
        return RuleEngine.evaluate(identities, all).findings();
    }

    /** A1–A4 in plain Java over the same facts: the baseline. */
    @Benchmark
    public int identitiesByHand() {
        return handWrittenIdentities();
    }

    private static final String[] APPLICANTS = {"natural_person", "commercial_enterprise", "research_institution",
            "social_welfare_org", "legal_service_org", "other_org"};
    private static final String[] TABLE4_PARTS = {"upheld", "corrected", "other", "pending"};

    /**
     * The number of A1–A4 findings, as the rules make them (one per broken identity, one per table or row missing),
     * read from the same facts the rules read: the rows and columns of the tables, the rows expected, the notes.
     */
    private int handWrittenIdentities() {
        Map<String, TableRow> t3 = new HashMap<>();
        List<TableRow> t4 = new ArrayList<>();
        List<TableColumn> columns3 = new ArrayList<>();
        java.util.Set<String> notedT3 = new java.util.HashSet<>();
        boolean noteT3 = false;
        boolean noteT4 = false;
        List<String> outcome = new ArrayList<>();
        List<String> balanceRows = new ArrayList<>();
        List<String> resultRows = new ArrayList<>();
        for (Object fact : all) {
            if (fact instanceof TableRow r) {
                if (r.table().equals("3")) {
                    t3.put(r.row(), r);
                } else if (r.table().equals("4")) {
                    t4.add(r);
                }
            } else if (fact instanceof TableColumn c) {
                if (c.table().equals("3")) {
                    columns3.add(c);
                }
            } else if (fact instanceof ExtractionNote n) {
                if ("3".equals(n.table())) {
                    noteT3 = true;
                    if (n.row() != null) {
                        notedT3.add(n.row());
                    }
                } else if ("4".equals(n.table())) {
                    noteT4 = true;
                }
            } else if (fact instanceof ExpectedRow r && r.table().equals("3")) {
                switch (r.group()) {
                    case "outcome" -> {
                        outcome.add(r.row());
                        resultRows.add(r.row());
                    }
                    case "results_total" -> {
                        balanceRows.add(r.row());
                        resultRows.add(r.row());
                    }
                    case "applications", "carried_forward" -> balanceRows.add(r.row());
                    default -> { }
                }
            }
        }
        int found = 0;
        // A1: 一 + 二 = 三(七) + 四, every column; or the rows it needs are missing
        for (TableColumn c : columns3) {
            Double a = c.value("new_received");
            Double b = c.value("carried_over");
            Double r = c.value("results_total");
            Double d = c.value("carried_forward");
            if (a != null && b != null && r != null && d != null && differ(a + b, r + d)) {
                found++;
            }
        }
        if (missing(balanceRows, t3, notedT3)) {
            found++;
        }
        // A2: 三(七) = the sum of 三(一)–三(六), every column; or its rows are missing
        for (TableColumn c : columns3) {
            Double total = c.value("results_total");
            Double sum = c.sumOf(outcome);
            if (total != null && sum != null && differ(sum, total)) {
                found++;
            }
        }
        if (missing(resultRows, t3, notedT3)) {
            found++;
        }
        // A3: every row of table 3, total = the six applicants; or no table 3
        for (TableRow r : t3.values()) {
            Double total = r.value("total");
            Double sum = r.sumOf(APPLICANTS);
            if (total != null && sum != null && differ(sum, total)) {
                found++;
            }
        }
        if (t3.isEmpty() && !noteT3) {
            found++;
        }
        // A4: every row of table 4, total = 维持 + 纠正 + 其他 + 尚未审结; or no table 4
        for (TableRow r : t4) {
            Double total = r.value("total");
            Double sum = r.sumOf(TABLE4_PARTS);
            if (total != null && sum != null && differ(sum, total)) {
                found++;
            }
        }
        if (t4.isEmpty() && !noteT4) {
            found++;
        }
        return found;
    }

    private static boolean missing(List<String> rows, Map<String, TableRow> table, java.util.Set<String> noted) {
        for (String r : rows) {
            if (!table.containsKey(r) && !noted.contains(r)) {
                return true;
            }
        }
        return false;
    }

    private static boolean differ(double a, double b) {
        return Math.abs(a - b) > 1e-6;
    }
}
