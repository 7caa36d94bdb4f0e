package org.nianbao.extraction;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words one of which every match of a regular expression begins with, when the expression says so plainly (as
 * {@link RequiredText} reads it): each of its alternatives opens with a literal word, a class of plain characters or
 * a group of such alternatives. A search then tries the expression only where one of those words begins, instead of
 * at every character of the text, and finds the same matches as {@link Matcher#find()}. An expression that opens
 * otherwise (a digit, an optional word, a look-behind, flags) is searched as it is.
 *
 * <p>Of {@code (?:收到|受理)了?…|未(?:收到|受理)…}, every match begins with 收到, 受理 or 未.
 */
public final class Openings {

    private final Pattern pattern;
    /** The words; {@code null} when nothing is known. */
    private final String[] words;

    private Openings(Pattern pattern, String[] words) {
        this.pattern = pattern;
        this.words = words;
    }

    public static Openings of(Pattern pattern) {
        List<String> words = RequiredText.of(pattern).openings();
        return new Openings(pattern, words == null || words.isEmpty() ? null : words.toArray(String[]::new));
    }

    /** Whether the expression finds a match in {@code text}; no matcher is made for a text where no opening word is. */
    public boolean in(String text) {
        return match(text) != null;
    }

    /**
     * A matcher left on the first match in {@code text}, as {@code matcher(text).find()} finds it; {@code null} when
     * there is none (and no matcher is made for a text where no opening word is).
     */
    public Matcher match(String text) {
        if (words != null && first(text, 0) < 0) {
            return null;
        }
        Matcher matcher = pattern.matcher(text);
        return find(matcher, text, 0) ? matcher : null;
    }

    /** Whether the words are known (for tests). */
    boolean known() {
        return words != null;
    }

    /**
     * The first match in {@code text} that begins at {@code from} or later, as {@code matcher.find(from)} finds it;
     * {@code matcher} is left on it.
     */
    public boolean find(Matcher matcher, String text, int from) {
        if (from > text.length()) {
            return false;
        }
        if (words == null) {
            return matcher.find(from);
        }
        matcher.useTransparentBounds(true).useAnchoringBounds(false);
        // where each word is next found: looked for again only once the search has passed it (-1: nowhere further)
        int[] next = new int[words.length];
        java.util.Arrays.fill(next, -2);
        while (true) {
            int at = -1;
            for (int k = 0; k < words.length; k++) {
                if (next[k] != -1 && next[k] < from) {
                    next[k] = text.indexOf(words[k], from);
                }
                if (next[k] >= 0 && (at < 0 || next[k] < at)) {
                    at = next[k];
                }
            }
            if (at < 0) {
                return false;
            }
            matcher.region(at, text.length());
            if (matcher.lookingAt()) {
                return true;
            }
            from = at + 1;
        }
    }

    /** Where the first opening word begins in {@code text} from {@code from} on; -1 when none does. */
    private int first(String text, int from) {
        int at = -1;
        for (String w : words) {
            int i = text.indexOf(w, from);
            if (i >= 0 && (at < 0 || i < at)) {
                at = i;
            }
        }
        return at;
    }

    /** Where the search after a match goes on: its end, or one further when it matched nothing. */
    public static int after(Matcher matcher) {
        return matcher.end() == matcher.start() ? matcher.end() + 1 : matcher.end();
    }
}
