package org.nianbao;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The launcher, {@code ./nianbao}, over the package the build just made: it scores as {@code java -jar} does, makes
 * its class cache on first use, takes it the next time, and makes a new one when the jar changes.
 */
class LauncherIT {

    private static final Path CACHE = Path.of("target/cli/cache");

    private static String run(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("./nianbao"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static List<Path> caches() throws Exception {
        if (!Files.isDirectory(CACHE)) {
            return List.of();
        }
        try (var files = Files.list(CACHE)) {
            return files.filter(f -> !f.toString().endsWith(".part")).sorted().toList();
        }
    }

    @Test
    void theLauncherScoresAsTheJarDoesMakesItsCacheOnceAndAgainWhenTheJarChanges() throws Exception {
        if (Files.isDirectory(CACHE)) {
            try (var files = Files.list(CACHE)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
        String sample = "src/test/resources/samples/004_e93a6eea8c407df3.txt";
        String first = run("score", "--format", "csv", sample);
        assertThat(first).contains("忻州市应急管理局", "53.49", "不合格");
        List<Path> made = caches();
        assertThat(made).as("a cache made on first use").hasSize(1);
        FileTime madeAt = Files.getLastModifiedTime(made.get(0));

        assertThat(run("score", "--format", "csv", sample)).isEqualTo(first);
        assertThat(caches()).as("the same cache taken again").containsExactlyElementsOf(made);
        assertThat(Files.getLastModifiedTime(made.get(0))).isEqualTo(madeAt);

        Path jar = Path.of("target/cli/nianbao.jar");
        FileTime built = Files.getLastModifiedTime(jar);
        try {
            Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
            assertThat(run("score", "--format", "csv", sample)).isEqualTo(first);
            assertThat(caches()).as("a new cache for the changed jar").hasSize(2);
        } finally {
            Files.setLastModifiedTime(jar, built);
        }
    }
}
