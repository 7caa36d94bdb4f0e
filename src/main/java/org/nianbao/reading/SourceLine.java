package org.nianbao.reading;

/**
 * One line of a report as read: its number in the original file (1-based) and its normalised text.
 * Normalisation never joins or splits lines, so every fact keeps the line number a reader can find.
 */
public record SourceLine(int number, String text) {

    /** The text without any white space: labels such as 「自 然人」 compare equal to 「自然人」. */
    public String compact() {
        return TextNormalizer.compact(text);
    }

    public boolean isBlank() {
        return text.isBlank();
    }
}
