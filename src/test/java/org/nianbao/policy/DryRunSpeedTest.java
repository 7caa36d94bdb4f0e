package org.nianbao.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.nianbao.assessment.AssessmentOptions;
import org.nianbao.assessment.Parallel;
import org.nianbao.store.AssessmentStore;
import org.nianbao.store.Submitter;
import org.nianbao.submission.AssessmentService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A province's year: 5,000 stored reports of 2023 (the five samples, each stored 1,250 times with a line of its own
 * so that every copy is a report of its own; one sample is of another year), and a rule change dry-run over them. Figures appended to
 * {@code target/load-figures.txt}. Runs with {@code -Pload} only.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:dry-run-speed;DB_CLOSE_DELAY=-1")
@Tag("load")
class DryRunSpeedTest {

    private static final int REPORTS = 6_250;

    @Autowired
    AssessmentService service;
    @Autowired
    ActivationService activation;
    @Autowired
    AssessmentStore store;
    @Autowired
    javax.sql.DataSource data;

    @Test
    void aRuleChangeIsDryRunOverFiveThousandStoredReportsInSeconds() throws Exception {
        long storing = System.nanoTime();
        Parallel.inChunks(java.util.stream.IntStream.range(0, REPORTS).boxed().toList(), 100, Parallel.threads(), chunk -> {
            for (int i : chunk) {
                String name = Samples.NAMES.get(i % Samples.NAMES.size());
                byte[] bytes = (Samples.text(name) + "\n（副本 " + i + "）\n").getBytes(StandardCharsets.UTF_8);
                service.assessAndStore(i + "-" + name, bytes, AssessmentOptions.NONE, null, Submitter.account("admin"));
            }
            return List.of();
        }, done -> { });
        double storedIn = (System.nanoTime() - storing) / 1e9;

        RulesetFiles candidate = activation.candidate(Map.of("problems.dslr",
                Files.readString(Path.of("rules/examples/problems.dslr"))));
        activation.dryRun(candidate, 2023, service.assessor(), store); // the first run warms the JIT
        double[] seconds = new double[3];
        List<DryRun> runs = null;
        for (int i = 0; i < seconds.length; i++) {
            long start = System.nanoTime();
            runs = activation.dryRun(candidate, 2023, service.assessor(), store);
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }

        int ofTheYear = store.latestOf(2023).size();
        assertThat(ofTheYear).isEqualTo(5_000);
        assertThat(runs).hasSize(ofTheYear).allSatisfy(r -> assertThat(r.error()).isNull());
        assertThat(runs).anySatisfy(r -> assertThat(r.added()).isNotEmpty());
        String database;
        try (var connection = data.getConnection()) {
            database = connection.getMetaData().getDatabaseProductName();
        }
        String line = "dry run over %d stored reports (%s, %d threads): %.2f s, %.2f s, %.2f s (stored in %.1f s)"
                .formatted(ofTheYear, database, Parallel.threads(), seconds[0], seconds[1], seconds[2], storedIn);
        System.out.println(line);
        Files.writeString(Path.of("target/load-figures.txt"), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
