package org.nianbao.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.nianbao.assessment.Assessment;
import org.nianbao.assessment.AssessmentOptions;
import org.nianbao.assessment.Assessor;
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
 * Assessing one report in-process: read + extract + rules + score. Run from the project root: {@code mvn -Pbench verify}
 * (see README, "Performance").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AssessBenchmark {

    @Param({"000_0b909c2a4ee59f11.txt", "001_0f3a3c160bddc4d1.txt", "002_6d7e4eb448e02a30.txt",
            "003_a08e251a7459b3ee.txt", "004_e93a6eea8c407df3.txt"})
    public String sample;

    private Assessor assessor;
    private byte[] report;

    @Setup
    public void setUp() throws Exception {
        assessor = new Assessor(RuleSetLoader.load(Path.of("rules")), ScorecardLoader.load(Path.of("scorecards/default.yaml")));
        report = Files.readAllBytes(Path.of("src/test/resources/samples").resolve(sample));
    }

    /** One report, end to end. */
    @Benchmark
    public Assessment assessReport() {
        return assessor.assess(sample, report, AssessmentOptions.NONE);
    }

}
