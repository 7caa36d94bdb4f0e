package org.nianbao.reading;

/**
 * One line of a report as read: its number in the original file (1-based), its normalised text, and that
 * text without white space. Normalisation never joins or splits lines, so every fact keeps the line number a
 * reader can find.
 *
 * @param compact the text without any white space: labels such as 「自 然人」 compare equal to 「自然人」
 */
public record SourceLine(int number, String text, String compact) {

    public static SourceLine of(int number, String text) {
        return new SourceLine(number, text, TextNormalizer.compact(text));
    }

    public boolean isBlank() {
        return compact.isEmpty();
    }
}
