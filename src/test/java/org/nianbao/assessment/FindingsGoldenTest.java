package org.nianbao.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.Samples;
import org.nianbao.rules.Finding;

/**
 * The five samples are a regression corpus: their findings, deductions, scores and grades are written in
 * {@code golden/findings.txt} and change only on purpose. After a deliberate change to rules or scorecard,
 * regenerate it with {@code mvn test -Dtest=FindingsGoldenTest -Dgolden.update=true} and review the diff.
 */
class FindingsGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/findings.txt");

    static String describe() {
        List<String> lines = new ArrayList<>();
        for (String name : Samples.NAMES) {
            Assessment a = Samples.assess(name);
            lines.add("# %s score=%s grade=%s flags=%s".formatted(name, a.score(), a.grade(), a.flags()));
            for (Finding f : a.findings()) {
                var e = f.evidence();
                lines.add("%s %s %s -%s t=%s r=%s c=%s line=%s".formatted(f.ruleId(), f.check(), f.severity(),
                        f.deduction(), e.table(), e.row(), e.column(), e.line()));
            }
        }
        return String.join("\n", lines) + "\n";
    }

    @Test
    void sampleFindingsChangeOnlyOnPurpose() throws IOException {
        String actual = describe();
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }
}
