package org.nianbao.reading;

import java.nio.charset.Charset;
import java.util.List;

/**
 * A report decoded into lines. {@code original} is the decoded text before normalisation, kept so that
 * it can be stored and shown as evidence.
 *
 * @param notes          what the reader had to mend to read the text at all (a broken last character dropped,
 *                       lines restored in text whose line breaks were lost), for the person who submitted it
 * @param cutInCharacter the file ended in the middle of a character: it was cut off
 */
public record SourceText(String name, Charset charset, String original, List<SourceLine> lines, List<String> notes,
                         boolean cutInCharacter) {

    public SourceText {
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
    }

    public SourceText(String name, Charset charset, String original, List<SourceLine> lines) {
        this(name, charset, original, lines, List.of(), false);
    }

    /** The same report laid out anew (lines restored), with a note saying what was done. */
    public SourceText withLines(List<SourceLine> newLines, String newOriginal, String note) {
        List<String> all = new java.util.ArrayList<>(notes);
        all.add(note);
        return new SourceText(name, charset, newOriginal, newLines, all, cutInCharacter);
    }

    /** Line {@code number} (1-based) or {@code null} past the end. */
    public SourceLine line(int number) {
        return number >= 1 && number <= lines.size() ? lines.get(number - 1) : null;
    }
}
