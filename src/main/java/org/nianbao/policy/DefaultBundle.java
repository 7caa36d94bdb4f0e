package org.nianbao.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The rules and scorecards the jar carries (the project's {@code rules/} and {@code scorecards/} at build time), so
 * that {@code java -jar nianbao.jar score FILE} works from any folder. They are copied once to a temporary folder,
 * as the rule loader reads files.
 */
public final class DefaultBundle {

    private static final String ROOT = "bundle/";
    private static Path extracted;

    private DefaultBundle() {
    }

    /** The bundled rules folder. */
    public static Path rulesDir() {
        return folder().resolve("rules");
    }

    /** The bundled default scorecard. */
    public static Path scorecard() {
        return folder().resolve("scorecards").resolve("default.yaml");
    }

    /** Whether {@code path} is in the temporary folder the bundled rules and scorecards were copied to. */
    public static synchronized boolean isBundled(Path path) {
        return extracted != null && path.toAbsolutePath().normalize().startsWith(extracted.toAbsolutePath().normalize());
    }

    /** {@code dir} when it is a folder, else the bundled rules. */
    public static Path rulesOr(Path dir) {
        return Files.isDirectory(dir) ? dir : rulesDir();
    }

    /** {@code file} when it exists, else the bundled scorecard of the same name (the default one if none). */
    public static Path scorecardOr(Path file) {
        if (Files.isRegularFile(file)) {
            return file;
        }
        Path bundled = folder().resolve("scorecards").resolve(file.getFileName().toString());
        return Files.isRegularFile(bundled) ? bundled : scorecard();
    }

    private static synchronized Path folder() {
        if (extracted != null) {
            return extracted;
        }
        try {
            Path dir = Files.createTempDirectory("nianbao-bundle-");
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + ROOT + "**/*");
            for (Resource r : resources) {
                if (!r.isReadable()) {
                    continue; // a folder
                }
                String url = r.getURL().toString();
                int at = url.lastIndexOf(ROOT);
                Path target = dir.resolve(url.substring(at + ROOT.length())).normalize();
                if (!target.startsWith(dir)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = r.getInputStream()) {
                    Files.copy(in, target);
                }
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> TempFolders.delete(dir)));
            extracted = dir;
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("the rules the jar carries could not be read", e);
        }
    }
}
