package org.nianbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.Samples;

/** {@code rules export} and {@code rules import}: a version moved between the database and a folder, whole. */
class BundleTransferTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return RulesCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String db() {
        return "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + "/nianbao";
    }

    @Test
    void aFolderImportedIsExportedAgainWithItsRuleTestsAndScorecard() throws IOException {
        assertThat(run("export", dir.resolve("none").toString(), "--db", db())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("还没有启用的规则版本");

        assertThat(run("import", "rules", "--reason", "从仓库导入", "--db", db())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("已启用版本 #1", "规则测试");

        Path exported = dir.resolve("exported");
        assertThat(run("export", exported.toString(), "--db", db())).isZero();
        for (String file : new String[] {"arithmetic.drl", "required-statements.drl.xlsx", "statements.yaml", "tests/samples.yaml",
                "tests/reports/000_0b909c2a4ee59f11.txt"}) {
            assertThat(exported.resolve(file)).as(file).hasSameBinaryContentAs(Samples.RULES.resolve(file));
        }
        assertThat(exported.resolve("scorecard.yaml")).hasSameTextualContentAs(Samples.SCORECARD);
        assertThat(exported.resolve("scorecards/self-check.yaml")).hasSameTextualContentAs(Path.of("scorecards/self-check.yaml"));

        // the exported folder is a ruleset of its own: valid, and its tests pass
        assertThat(run("test", "--rules", exported.toString(), "--scorecard", exported.resolve("scorecard.yaml").toString())).isZero();
        assertThat(run("export", exported.toString(), "--db", db())).as("never over files").isEqualTo(2);
    }

    @Test
    void aFolderWithAnErrorIsNotImportedAndTheVersionInForceStays() throws IOException {
        assertThat(run("import", "rules", "--reason", "第一版", "--db", db())).isZero();
        Path broken = Samples.copyRules(Files.createDirectories(dir.resolve("broken")));
        Files.writeString(broken.resolve("arithmetic.drl"),
                Files.readString(broken.resolve("arithmetic.drl")).replaceFirst("\"new_received\"", "\"new_recieved\""));

        assertThat(run("import", broken.toString(), "--reason", "有错字", "--db", db())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("未导入", "new_recieved", "new_received");

        Path exported = dir.resolve("exported");
        assertThat(run("export", exported.toString(), "--db", db())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("版本 #1");
        assertThat(exported.resolve("arithmetic.drl")).hasSameTextualContentAs(Samples.RULES.resolve("arithmetic.drl"));
    }

    @Test
    void anImportNeedsAReasonAndAFolder() {
        assertThat(run("import", "rules", "--db", db())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--reason");
        assertThat(run("import", "--reason", "x", "--db", db())).isEqualTo(2);
        assertThat(run("import", dir.resolve("nowhere").toString(), "--reason", "x", "--db", db())).isEqualTo(2);
    }
}
