package org.nianbao;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nianbao.assessment.Assessment;
import org.nianbao.assessment.AssessmentOptions;
import org.nianbao.assessment.Assessor;
import org.nianbao.rules.RuleSetLoader;
import org.nianbao.scoring.ScorecardLoader;

/** The five real sample reports and the project's own rules and scorecard, for tests. */
public final class Samples {

    public static final Path DIR = Path.of("src/test/resources/samples");
    public static final Path RULES = Path.of("rules");
    public static final Path SCORECARD = Path.of("scorecards/default.yaml");
    public static final List<String> NAMES = List.of(
            "000_0b909c2a4ee59f11.txt", "001_0f3a3c160bddc4d1.txt", "002_6d7e4eb448e02a30.txt",
            "003_a08e251a7459b3ee.txt", "004_e93a6eea8c407df3.txt");

    private static Assessor assessor;

    private Samples() {
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(DIR.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** The project's rules and default scorecard, built once for the whole test run. */
    public static synchronized Assessor assessor() {
        if (assessor == null) {
            assessor = new Assessor(RuleSetLoader.load(RULES), ScorecardLoader.load(SCORECARD));
        }
        return assessor;
    }

    public static Assessment assess(String name) {
        return assessor().assess(name, bytes(name), AssessmentOptions.NONE);
    }

    /** Copies the project's rule files (not its sub-folders) into {@code dir}, to change one of them in a test. */
    public static Path copyRules(Path dir) {
        try (var files = Files.list(RULES)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Assesses a sample's text after replacing one passage: a report with one defect more (or less). */
    public static Assessment assessEdited(String name, String from, String to) {
        String text = text(name);
        if (!text.contains(from)) {
            throw new IllegalArgumentException("passage not in " + name + ": " + from);
        }
        return assessor().assess(name, text.replace(from, to).getBytes(StandardCharsets.UTF_8), AssessmentOptions.NONE);
    }
}
