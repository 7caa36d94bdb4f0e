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
        return run(null, args);
    }

    /** The launcher run with {@code javaHome} as JAVA_HOME (null: as the build's environment has it). */
    private static String run(Path javaHome, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("./nianbao"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (javaHome != null) {
            builder.environment().put("JAVA_HOME", javaHome.toString());
        }
        Process p = builder.start();
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
            return files.filter(f -> !f.getFileName().toString().contains(".part")).sorted().toList();
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

    /**
     * On Java 25 and later the launcher takes the ahead-of-time cache: made in the background after the first run
     * (whose output stays the command's alone), taken by the next, the same scores. Runs where a Java 25 or later is installed beside the build's (e.g. /usr/lib/jvm/temurin-25-*).
     */
    @Test
    void onJava25TheLauncherMakesAndTakesTheAheadOfTimeCache() throws Exception {
        Path java25 = null;
        if (Files.isDirectory(Path.of("/usr/lib/jvm"))) {
            try (var homes = Files.list(Path.of("/usr/lib/jvm"))) {
                java25 = homes.filter(h -> h.getFileName().toString().matches(".*-(2[5-9]|[3-9]\\d)(?:[.-].*)?")
                        && Files.isExecutable(h.resolve("bin/java"))).sorted().findFirst().orElse(null);
            }
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(java25 != null, "no Java 25 or later installed beside the build's");
        String sample = "src/test/resources/samples/004_e93a6eea8c407df3.txt";

        String first = run(java25, "score", "--format", "csv", sample);
        // the output is the command's alone, though the JVM prints as it makes an AOT cache
        assertThat(first).startsWith("source,agency").contains("忻州市应急管理局", "53.49", "不合格");
        assertThat(first.strip().lines()).hasSize(2);
        // the cache, made by a run of its own in the background, appears
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (caches().stream().noneMatch(f -> f.getFileName().toString().endsWith(".aot")) && System.nanoTime() < until) {
            Thread.sleep(500);
        }
        assertThat(caches()).as("an AOT cache made").anyMatch(f -> f.getFileName().toString().endsWith(".aot"));
        assertThat(run(java25, "score", "--format", "csv", sample)).as("the cache taken").isEqualTo(first);
    }
}
