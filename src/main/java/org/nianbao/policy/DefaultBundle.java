package org.nianbao.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.nianbao.rules.CompiledRules;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The rules and scorecards the jar carries (the project's {@code rules/} and {@code scorecards/} at build time), so
 * that {@code java -jar nianbao.jar score FILE} works from any folder. They are copied once to a temporary folder,
 * as the rule loader reads files.
 */
public final class DefaultBundle {

    private static final String ROOT = "bundle/";
    /** The list of the bundle's files the build writes. */
    private static final String INDEX = ROOT + "index";
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
            List<String> files = indexed();
            if (files != null) {
                for (String file : files) {
                    try (InputStream in = DefaultBundle.class.getClassLoader().getResourceAsStream(ROOT + file)) {
                        if (in == null) {
                            throw new IOException("bundle/" + file + " is listed in the index but not in the jar");
                        }
                        copy(in, dir, file);
                    }
                }
            } else {
                // classes built without the index (not by Maven): every file under bundle/ found on the class path
                for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:" + ROOT + "**/*")) {
                    if (r.isReadable()) { // not a folder
                        String url = r.getURL().toString();
                        try (InputStream in = r.getInputStream()) {
                            copy(in, dir, url.substring(url.lastIndexOf(ROOT) + ROOT.length()));
                        }
                    }
                }
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> TempFolders.delete(dir)));
            extracted = dir;
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("the rules the jar carries could not be read", e);
        }
    }

    private static void copy(InputStream in, Path dir, String file) throws IOException {
        Path target = dir.resolve(file).normalize();
        if (!target.startsWith(dir) || target.equals(dir)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Files.copy(in, target);
    }

    /** The files of the bundle's rules and scorecards as the build listed them ({@link #INDEX}); null without a list. */
    private static List<String> indexed() throws IOException {
        try (InputStream in = DefaultBundle.class.getClassLoader().getResourceAsStream(INDEX)) {
            if (in == null) {
                return null;
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /**
     * The build step: lists the files under {@code CLASSES/bundle/rules} and {@code CLASSES/bundle/scorecards} in
     * {@code CLASSES/bundle/index} (read at run time instead of searching the class path for them, a tenth of a short
     * command's time), then compiles the bundled rules ({@link CompiledRules#main}). Usage: {@code DefaultBundle CLASSES}.
     */
    public static void main(String[] args) throws IOException {
        Path bundle = Path.of(args[0]).resolve(ROOT);
        List<String> files = new ArrayList<>();
        for (String part : List.of("rules", "scorecards")) {
            if (Files.isDirectory(bundle.resolve(part))) {
                try (Stream<Path> all = Files.walk(bundle.resolve(part))) {
                    all.filter(Files::isRegularFile).map(f -> bundle.relativize(f).toString().replace('\\', '/'))
                            .sorted().forEach(files::add);
                }
            }
        }
        Files.writeString(bundle.resolve("index"), String.join("\n", files) + "\n", StandardCharsets.UTF_8);
        CompiledRules.main(args);
    }
}
