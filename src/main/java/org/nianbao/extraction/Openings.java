package org.nianbao.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words one of which every match of a regular expression begins with, when the expression says so plainly: each
 * of its alternatives opens with a literal word or with a group of literal words. A search then tries the expression
 * only where one of those words begins, instead of at every character of the text, and finds the same matches as
 * {@link Matcher#find()}. An expression that opens otherwise (a class, a digit, a look-behind, flags) is searched as
 * it is.
 *
 * <p>Of {@code (?:收到|受理)了?…|未(?:收到|受理)…}, every match begins with 收到, 受理 or 未.
 */
public final class Openings {

    private static final String SPECIAL = "\\[](){}.*+?^$|";

    private final Pattern pattern;
    /** The words; {@code null} when nothing is known. */
    private final String[] words;

    private Openings(Pattern pattern, String[] words) {
        this.pattern = pattern;
        this.words = words;
    }

    public static Openings of(Pattern pattern) {
        List<String> words = pattern.flags() != 0 ? null : alternatives(pattern.pattern());
        return new Openings(pattern, words == null || words.isEmpty() ? null : words.toArray(String[]::new));
    }

    /** Whether the expression finds a match in {@code text}; no matcher is made for a text where no opening word is. */
    public boolean in(String text) {
        return (words == null || first(text, 0) >= 0) && find(pattern.matcher(text), text, 0);
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
        while (true) {
            int at = first(text, from);
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

    /** The opening words of every top-level alternative of {@code expression}; null when one has none known. */
    private static List<String> alternatives(String expression) {
        List<String> words = new ArrayList<>();
        for (String alternative : split(expression)) {
            List<String> opening = opening(alternative);
            if (opening == null) {
                return null;
            }
            words.addAll(opening);
        }
        return words;
    }

    /** The words an alternative opens with: a literal run, or a group of alternatives each opening with one. */
    private static List<String> opening(String alternative) {
        if (alternative.isEmpty()) {
            return null;
        }
        char first = alternative.charAt(0);
        if (first == '(') {
            int inner;
            if (alternative.startsWith("(?:")) {
                inner = 3;
            } else if (alternative.length() > 1 && alternative.charAt(1) == '?') {
                return null; // look-around, named group, flags
            } else {
                inner = 1;
            }
            int close = closing(alternative);
            if (close < 0 || optional(alternative, close + 1)) {
                return null;
            }
            return alternatives(alternative.substring(inner, close));
        }
        int end = 0;
        while (end < alternative.length() && SPECIAL.indexOf(alternative.charAt(end)) < 0) {
            end++;
        }
        if (end < alternative.length() && "?*{".indexOf(alternative.charAt(end)) >= 0) {
            end--; // the last character may be absent (or repeated by a count this does not read)
        }
        return end <= 0 ? null : List.of(alternative.substring(0, end));
    }

    /** Whether what follows position {@code at} lets the atom before it be absent. */
    private static boolean optional(String text, int at) {
        return at < text.length() && "?*{".indexOf(text.charAt(at)) >= 0;
    }

    /** The index of the parenthesis closing the group that opens at 0; -1 when it is not closed. */
    private static int closing(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(text, i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the bracket closing the class that opens at {@code open}; -1 when it is not closed. */
    private static int classEnd(String text, int open) {
        int i = open + 1;
        if (i < text.length() && text.charAt(i) == '^') {
            i++;
        }
        if (i < text.length() && text.charAt(i) == ']') {
            i++; // a ] first in a class is itself
        }
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                return -1; // nested classes: not read here
            } else if (c == ']') {
                return i;
            }
        }
        return -1;
    }

    /** The top-level alternatives of {@code expression} (outside groups and classes). */
    private static List<String> split(String expression) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                int end = classEnd(expression, i);
                if (end < 0) {
                    return List.of(""); // not read: no opening known
                }
                i = end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                parts.add(expression.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(expression.substring(start));
        return parts;
    }
}
