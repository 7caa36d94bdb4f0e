package org.nianbao;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages a newcomer reads — README.md and every docs/*.md — and the shell lines of their ```sh blocks, for the
 * tests that run those lines as written ({@link ReadmeCommandsTest}, {@code ReadmeHttpExamplesTest}).
 */
public final class DocPages {

    /** A ```sh block: its command lines ({@code \} continuations joined, in order) and the plain block shown after it. */
    public record Block(List<String> lines, String shownAfter) {
    }

    private static final Pattern SH_BLOCK = Pattern.compile("```sh\\n(.*?)```\\n(?:\\n```\\n(.*?)```)?", Pattern.DOTALL);

    private DocPages() {
    }

    /** README.md, then the pages of docs/ by name. */
    public static List<Path> all() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (var docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** The ```sh blocks of a page's text. */
    public static List<Block> shellBlocks(String text) {
        List<Block> blocks = new ArrayList<>();
        Matcher block = SH_BLOCK.matcher(text.replace("\r\n", "\n"));
        while (block.find()) {
            List<String> lines = new ArrayList<>();
            for (String line : block.group(1).replace("\\\n", " ").split("\n")) {
                String command = withoutComment(line).strip();
                if (!command.isEmpty() && !command.startsWith("#")) {
                    lines.add(command);
                }
            }
            blocks.add(new Block(lines, block.group(2)));
        }
        return blocks;
    }

    /** The line without a trailing {@code # comment} (one holding no quote, so that a quoted {@code #} stays). */
    static String withoutComment(String line) {
        return line.replaceAll("\\s+#[^'\"]*$", "");
    }

    /** A short name for a page, fit for a file or database name: {@code README}, {@code docs-api}. */
    public static String name(Path page) {
        String name = page.toString().replace('\\', '/');
        return name.substring(0, name.length() - ".md".length()).replaceAll("[^A-Za-z0-9]+", "-");
    }
}
