package org.nianbao.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.nianbao.assessment.Assessor;
import org.nianbao.reading.Readers;
import org.nianbao.report.KeptForm;
import org.nianbao.report.ReportFacts;
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
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A report's facts read back as a dry run reads each stored report's: in the form the store keeps them ({@link
 * KeptForm}) and, beside it, as JSON naming every field (the form the store kept before, and an assessment's own).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dlogback.configurationFile=src/build/logback.xml")
public class KeptFactsBenchmark {

    @Param({"001_0f3a3c160bddc4d1.txt", "004_e93a6eea8c407df3.txt"})
    public String sample;

    private final ObjectMapper named = JsonMapper.builder().build();
    private final ObjectMapper kept = KeptForm.of(named);
    private String keptText;
    private String namedText;

    @Setup
    public void setUp() throws Exception {
        Assessor assessor = new Assessor(RuleSetLoader.load(Path.of("rules")),
                ScorecardLoader.load(Path.of("scorecards/default.yaml")));
        byte[] bytes = Files.readAllBytes(Path.of("src/test/resources/samples").resolve(sample));
        ReportFacts facts = assessor.draw(Readers.read(sample, bytes));
        keptText = kept.writeValueAsString(facts);
        namedText = named.writeValueAsString(facts);
        if (!kept.readValue(keptText, ReportFacts.class).equals(facts)) {
            throw new IllegalStateException("the kept form does not give the facts back");
        }
    }

    @Benchmark
    public ReportFacts readKept() {
        return kept.readValue(keptText, ReportFacts.class);
    }

    @Benchmark
    public ReportFacts readNamed() {
        return named.readValue(namedText, ReportFacts.class);
    }
}
