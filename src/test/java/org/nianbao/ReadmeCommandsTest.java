package org.nianbao;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command lines of README.md and of every docs/*.md page run as written. For each page, in a fresh folder of its
 * own holding copies of {@code rules/}, {@code scorecards/} and the samples, every command of its shell blocks — the
 * {@code score} and {@code rules} commands, started as {@code java -jar target/nianbao.jar …} or with the launcher
 * {@code ./nianbao …} (both replaced by the classes the build made; the launcher itself is tested by
 * {@code LauncherIT}), and the {@code cp} lines — runs in order and ends with status 0; the CSV output a page shows
 * after a {@code --format csv} command is what the command prints. What needs a running service or the build
 * ({@code curl}, {@code mvn}, {@code docker}, the service started with {@code java -jar}) is not run here: the curl
 * lines are run by {@code ReadmeHttpExamplesTest}.
 */
class ReadmeCommandsTest {

    private static final String JAR = "java -jar target/nianbao.jar";
    private static final String LAUNCHER = "./nianbao";

    /** A command of the command line: environment settings, then the jar or the launcher, then score or rules. */
    private static final Pattern COMMAND = Pattern.compile(
            "^((?:[A-Za-z_][A-Za-z0-9_]*=\\S*\\s+)*)(" + Pattern.quote(JAR) + "|" + Pattern.quote(LAUNCHER) + ")\\s+(score|rules)\\b(.*)$");

    @TempDir
    Path dir;

    /** A command to run, and the output its page shows right after it (null: none to compare). */
    record Command(String line, String shown) {
    }

    @Test
    void theReadmeShowsTheScoreCommandWithItsOutputAndSomePageTheRulesImport() throws Exception {
        List<Command> readme = commands(Files.readString(Path.of("README.md")));
        assertThat(readme).as("README.md: a score command and the CSV it prints")
                .anyMatch(c -> COMMAND.matcher(c.line()).matches() && c.line().contains(" score ") && c.shown() != null);
        List<String> everywhere = new ArrayList<>();
        for (Path page : DocPages.all()) {
            commands(Files.readString(page)).forEach(c -> everywhere.add(c.line()));
        }
        assertThat(everywhere).as("a page shows how to import rules").anyMatch(c -> c.contains(" rules import "));
    }

    @Test
    void everyCommandLineOfTheReadmeRunsAsWritten() throws Exception {
        runAll(Path.of("README.md"));
    }

    /** The docs pages' commands: a JVM each, some minutes in all, so with the slow tests (.ci/run). */
    @TestFactory
    @org.junit.jupiter.api.Tag("slow")
    Stream<DynamicTest> everyCommandLineOfTheDocsRunsAsWritten() throws IOException {
        return DocPages.all().stream().filter(page -> !page.equals(Path.of("README.md")))
                .map(page -> DynamicTest.dynamicTest(page.toString(), () -> runAll(page)));
    }

    private void runAll(Path page) throws Exception {
        List<Command> commands = commands(Files.readString(page));
        if (commands.isEmpty()) {
            return;
        }
        Path folder = Files.createDirectories(dir.resolve(DocPages.name(page)));
        copy(Path.of("rules"), folder.resolve("rules"));
        copy(Path.of("scorecards"), folder.resolve("scorecards"));
        copy(Samples.DIR, folder.resolve("src/test/resources/samples"));

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String run = java + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '" + System.getProperty("java.class.path") + "' "
                + Main.class.getName();
        for (Command c : commands) {
            Matcher m = COMMAND.matcher(c.line());
            String line = m.matches() ? m.group(1) + run + " " + m.group(3) + m.group(4) : c.line();
            Process p = new ProcessBuilder("bash", "-c", line).directory(folder.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(page + ": " + c.line()).isTrue();
            assertThat(p.exitValue()).as(page + ": " + c.line() + "\n" + out).isZero();
            if (c.shown() != null) {
                assertThat(out.replace("\r\n", "\n").strip()).as("the output " + page + " shows for " + c.line())
                        .isEqualTo(c.shown().strip());
            }
        }
    }

    /**
     * The commands of a page's shell blocks that run here, in order: the score and rules commands and the cp lines;
     * the last of a block, when it is a {@code --format csv} command, with the plain block shown after it.
     */
    static List<Command> commands(String page) {
        List<Command> commands = new ArrayList<>();
        for (DocPages.Block block : DocPages.shellBlocks(page)) {
            Command last = null;
            for (String line : block.lines()) {
                if (COMMAND.matcher(line).matches() || line.startsWith("cp ")) {
                    last = new Command(line, null);
                    commands.add(last);
                }
            }
            if (last != null && block.shownAfter() != null && last.line().contains("--format csv")) {
                commands.set(commands.size() - 1, new Command(last.line(), block.shownAfter()));
            }
        }
        return commands;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString().replace(File.separatorChar, '/'));
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
