package org.nianbao.reading;

import java.nio.charset.Charset;
import java.util.List;

/**
 * A report decoded into lines. {@code original} is the decoded text before normalisation, kept so that
 * it can be stored and shown as evidence.
 */
public record SourceText(String name, Charset charset, String original, List<SourceLine> lines) {

    public SourceText {
        lines = List.copyOf(lines);
    }

    /** Line {@code number} (1-based) or {@code null} past the end. */
    public SourceLine line(int number) {
        return number >= 1 && number <= lines.size() ? lines.get(number - 1) : null;
    }
}
