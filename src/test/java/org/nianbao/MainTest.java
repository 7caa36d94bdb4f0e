package org.nianbao;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MainTest {

    @TempDir
    Path dir;

    @Test
    void helpSaysHowToStartTheServiceScoreAndCheckRulesAndStartsNothing() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--help")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("ended by itself").isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(said).contains("启动服务", "nianbao.jar score", "nianbao.jar rules validate")
                .doesNotContain("Started", "Tomcat");
        assertThat(dir.resolve("data")).as("no database made").doesNotExist();
    }

    @Test
    void scoringWritesOnlyTheResultOnStandardOutputAndNothingOnStandardErrorWhenAllIsWell() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path sample = Samples.DIR.resolve(Samples.NAMES.get(0)).toAbsolutePath();
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "score",
                sample.toString()).directory(dir.toFile()).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("ended by itself").isTrue();
        assertThat(p.exitValue()).isZero();
        JsonNode results = JsonMapper.builder().build().readTree(out);
        assertThat(results.isArray()).as(out).isTrue();
        assertThat(results.get(0).path("report").path("year").asInt()).isEqualTo(2023);
        assertThat(Files.readString(err)).as("no log line, no note of the logging's own start").isEmpty();
    }
}
