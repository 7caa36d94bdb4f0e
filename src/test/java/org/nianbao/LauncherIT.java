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
import org.junit.jupiter.api.io.TempDir;

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
        deleteCaches();
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
     * A stop asked of the launcher (a kill, a service manager's stop) ends the scoring JVM, whether the launcher runs it
     * as a child while it makes its cache or has handed its place to it: nothing is left running, and the run ends
     * before its work is done.
     */
    @Test
    void aStopAskedOfTheLauncherEndsTheJvmWhetherItMakesItsCacheOrTakesIt(@TempDir Path folder) throws Exception {
        Path reports = Files.createDirectories(folder.resolve("reports"));
        List<Path> samples;
        try (var files = Files.list(Path.of("src/test/resources/samples"))) {
            samples = files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
        int count = 0;
        for (int i = 0; i < 400; i++) { // more than a few seconds of work
            for (Path sample : samples) {
                Files.copy(sample, reports.resolve(i + "_" + sample.getFileName()));
                count++;
            }
        }
        deleteCaches();
        stopWhileScoring(reports, count, folder.resolve("making.csv"));

        run("score", "--format", "csv", "src/test/resources/samples/004_e93a6eea8c407df3.txt");
        assertThat(caches()).as("a cache made").isNotEmpty();
        stopWhileScoring(reports, count, folder.resolve("taking.csv"));
    }

    /** Starts the launcher on {@code reports}, stops it once its JVM runs, and checks that everything ended early. */
    private static void stopWhileScoring(Path reports, int count, Path out) throws Exception {
        Process launcher = new ProcessBuilder("./nianbao", "score", "--format", "csv", reports.toString())
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (jvms(launcher).isEmpty() && launcher.isAlive() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        List<ProcessHandle> jvms = jvms(launcher);
        assertThat(jvms).as("a JVM scoring").isNotEmpty();
        Thread.sleep(500);
        launcher.destroy(); // SIGTERM, as kill and service managers send
        assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
        for (ProcessHandle jvm : jvms) {
            jvm.onExit().get(60, TimeUnit.SECONDS);
        }
        try (var lines = Files.lines(out)) {
            assertThat(lines.count()).as("the run stopped before its last report").isLessThan(count + 1);
        }
    }

    /** The launcher itself when it has become the JVM, else its JVM children. */
    private static List<ProcessHandle> jvms(Process launcher) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(launcher.toHandle()), launcher.descendants())
                .filter(h -> h.isAlive() && h.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .toList();
    }

    private static void deleteCaches() throws Exception {
        if (Files.isDirectory(CACHE)) {
            try (var files = Files.list(CACHE)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
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
