package org.nianbao.reading;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Lays out what a reader found as lines: a paragraph per line, a table row as {@code | a | b | c |}. */
public final class DocumentBuilder {

    private final List<String> lines = new ArrayList<>();
    private long characters;
    private final long maxCharacters;

    public DocumentBuilder(long maxCharacters) {
        this.maxCharacters = maxCharacters;
    }

    /** A paragraph; its own line breaks are kept as lines. */
    public DocumentBuilder paragraph(String text) {
        for (String line : text.split("\\R", -1)) {
            add(line);
        }
        return this;
    }

    /** A table row: its cells in order, blanks kept (a merged cell repeated as blanks keeps the columns). */
    public DocumentBuilder row(List<String> cells) {
        StringBuilder line = new StringBuilder("|");
        for (String cell : cells) {
            line.append(' ').append(cell.replace('|', '｜').replaceAll("\\s*\\R\\s*", "")).append(" |");
        }
        add(line.toString());
        return this;
    }

    public DocumentBuilder blank() {
        add("");
        return this;
    }

    private void add(String line) {
        characters += line.length() + 1;
        if (characters > maxCharacters) {
            throw RejectedInput.tooMuchText(maxCharacters);
        }
        lines.add(line);
    }

    public Document build(String name, String format, java.time.LocalDate pageDate) {
        String text = String.join("\n", lines);
        List<SourceLine> numbered = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            numbered.add(SourceLine.of(i + 1, TextNormalizer.normalize(lines.get(i))));
        }
        if (text.isBlank()) {
            throw RejectedInput.empty();
        }
        return new Document(new SourceText(name, StandardCharsets.UTF_8, text, numbered), format, pageDate);
    }
}
