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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command lines of README.md run as written: every {@code java -jar target/nianbao.jar …} and {@code cp} line of
 * its shell blocks, in order, in a fresh folder holding copies of {@code rules/}, {@code scorecards/} and the samples (the jar
 * replaced by the classes the build made), ends with status 0; the CSV output the README shows is what the
 * command prints. The {@code mvn} and {@code curl} lines are run by the build itself and by the HTTP tests.
 */
class ReadmeCommandsTest {

    private static final String JAR = "java -jar target/nianbao.jar";

    @TempDir
    Path dir;

    @Test
    void everyCommandLineOfTheReadmeRunsAsWritten() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        copy(Path.of("rules"), dir.resolve("rules"));
        copy(Path.of("scorecards"), dir.resolve("scorecards"));
        copy(Samples.DIR, dir.resolve("src/test/resources/samples"));

        List<String[]> commands = commands(readme); // {command, the output block shown right after it, or null}
        assertThat(commands).extracting(c -> c[0]).anyMatch(c -> c.startsWith(JAR + " score"))
                .anyMatch(c -> c.startsWith(JAR + " rules import"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String run = java + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '" + System.getProperty("java.class.path") + "' " + Main.class.getName();
        for (String[] c : commands) {
            Process p = new ProcessBuilder("bash", "-c", c[0].replace(JAR, run)).directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(c[0]).isTrue();
            assertThat(p.exitValue()).as(c[0] + "\n" + out).isZero();
            if (c[1] != null) {
                assertThat(out.replace("\r\n", "\n").strip()).as("the output README.md shows for " + c[0]).isEqualTo(c[1].strip());
            }
        }
    }

    /** The command lines of the ```sh blocks ({@code \} continuations joined), each with the plain block after it. */
    private static List<String[]> commands(String readme) {
        List<String[]> commands = new ArrayList<>();
        Matcher block = Pattern.compile("```sh\\n(.*?)```\\n(?:\\n```\\n(.*?)```)?", Pattern.DOTALL).matcher(readme);
        while (block.find()) {
            String[] lines = block.group(1).replace("\\\n", " ").split("\n");
            String last = null;
            for (String line : lines) {
                String command = line.replaceAll("\\s+#[^'\"]*$", "").strip();
                if (command.startsWith(JAR) || command.startsWith("cp ")) {
                    commands.add(new String[] {command, null});
                    last = command;
                }
            }
            String shown = block.group(2);
            if (last != null && shown != null && last.contains("--format csv")) {
                commands.get(commands.size() - 1)[1] = shown;
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
