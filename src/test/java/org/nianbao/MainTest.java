package org.nianbao;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
