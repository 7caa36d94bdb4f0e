package org.nianbao.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.nianbao.assessment.AssessmentOptions;
import org.nianbao.assessment.Assessor;
import org.nianbao.rules.RuleSet;
import org.nianbao.rules.RuleSetLoader;
import org.nianbao.scoring.ScorecardLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Batch scoring (the five samples one after another, as a committee's batch does) and rebuilding the ruleset. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dlogback.configurationFile=src/build/logback.xml") // errors only, as the service logs the engine
public class BatchBenchmark {

    private Assessor assessor;
    private final List<byte[]> reports = new ArrayList<>();

    @Setup
    public void setUp() throws Exception {
        assessor = new Assessor(RuleSetLoader.load(Path.of("rules")), ScorecardLoader.load(Path.of("scorecards/default.yaml")));
        try (var files = Files.list(Path.of("src/test/resources/samples"))) {
            for (Path p : files.sorted().toList()) {
                reports.add(Files.readAllBytes(p));
            }
        }
    }

    /** All five samples: the time for the batch, not per report. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int batchOfFive() {
        int findings = 0;
        for (byte[] r : reports) {
            findings += assessor.assess("batch", r, AssessmentOptions.NONE).findings().size();
        }
        return findings;
    }

    /**
     * Rebuilding the ruleset from rules/ after an edit, in a warm JVM: the median of each compile's time. The parsers
     * and the Java compiler inside are large; they reach their steady speed after some forty seconds of compiles.
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @Warmup(iterations = 20, time = 2)
    @Measurement(iterations = 10, time = 2)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public RuleSet rebuildRules() {
        return RuleSetLoader.compile(Path.of("rules")).ruleSet();
    }
}
