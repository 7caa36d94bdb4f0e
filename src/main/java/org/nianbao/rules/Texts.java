package org.nianbao.rules;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Text tests for rules. A rule that needs a regular expression uses {@link #matches}, which runs it in time linear in
 * the text (RE2/J: no backtracking, so no expression can keep the engine busy); Java's own {@code matches} and
 * {@code String.matches} are not part of the rule language.
 */
public final class Texts {

    /** Expressions compiled once; a ruleset names a handful. */
    private static final ConcurrentHashMap<String, Pattern> COMPILED = new ConcurrentHashMap<>();
    private static final int MOST_KEPT = 1_000;

    private Texts() {
    }

    /** Whether the whole of {@code text} matches {@code regex} (RE2 syntax); false for no text. */
    public static boolean matches(String text, String regex) {
        return text != null && pattern(regex).matches(text);
    }

    /** Whether {@code regex} (RE2 syntax) is found somewhere in {@code text}; false for no text. */
    public static boolean contains(String text, String regex) {
        return text != null && pattern(regex).matcher(text).find();
    }

    private static Pattern pattern(String regex) {
        Pattern p = COMPILED.get(regex);
        if (p == null) {
            try {
                p = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("正则表达式有误「" + regex + "」：" + e.getDescription());
            }
            if (COMPILED.size() >= MOST_KEPT) {
                COMPILED.clear();
            }
            COMPILED.put(regex, p);
        }
        return p;
    }
}
