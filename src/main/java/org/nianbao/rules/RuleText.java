package org.nianbao.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * What every rule text is checked for before anything reads it (a rule file, a sentence of the Chinese rule language,
 * a decision table, the generated rules of a decision table, the statements, the rule tests): the text is read the same
 * way by everyone who reads it afterwards — people, the rule-language check, the parser and the Java compiler.
 * <ul>
 *   <li>No {@code &#92;u} escape: the Java compiler turns {@code &#92;u000a} into a line break and {@code &#92;u0022} into a quote
 *   before it reads anything else, so an escape can hide code inside what looks like a comment or a text. Chinese and
 *   every sign are written as themselves.</li>
 *   <li>No control characters (tab and line breaks aside), no Unicode line or paragraph separators, no characters that
 *   reorder text on screen (bidirectional overrides and isolates): what an editor shows is what is compiled.</li>
 *   <li>Within size: a file of at most {@value #MOST_CHARACTERS} characters, lines of at most {@value #LONGEST_LINE},
 *   brackets nested at most {@value #DEEPEST} deep.</li>
 * </ul>
 */
public final class RuleText {

    static final int MOST_CHARACTERS = 1_000_000;
    static final int LONGEST_LINE = 10_000;
    static final int DEEPEST = 40;

    private RuleText() {
    }

    /** What is wrong with {@code text} (the content of {@code file}), each at its line; empty when nothing is. */
    public static List<RuleProblem> check(String file, String text) {
        return read(file, text).problems();
    }

    /**
     * What is wrong with a text, and whether it may still be parsed: a text too large or nested too deep is not handed
     * to any parser (a parser's recursion is no place to find out).
     */
    record Read(List<RuleProblem> problems, boolean parsable) {
    }

    static Read read(String file, String text) {
        List<RuleProblem> problems = new ArrayList<>();
        if (text.length() > MOST_CHARACTERS) {
            problems.add(new RuleProblem(file, 1, "文件过大：规则文件最多 %,d 个字符，此文件有 %,d 个".formatted(MOST_CHARACTERS, text.length())));
            return new Read(problems, false);
        }
        int line = 1;
        int lineStart = 0;
        int depth = 0;
        boolean deepTold = false;
        boolean longTold = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                continue;
            }
            if (!longTold && i - lineStart >= LONGEST_LINE) {
                problems.add(new RuleProblem(file, line, "这一行过长（超过 %,d 个字符）".formatted(LONGEST_LINE)));
                longTold = true;
            }
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'u') {
                problems.add(new RuleProblem(file, line,
                        "规则中不能使用 \\u 转义（如 \\u0022）：汉字和符号请直接写出，转义会让编译器读到与所见不同的内容"));
                i++;
            } else if (c == '(' || c == '[' || c == '{') {
                if (++depth > DEEPEST && !deepTold) {
                    problems.add(new RuleProblem(file, line, "括号嵌套超过 %d 层，请拆成几条规则或几个条件".formatted(DEEPEST)));
                    deepTold = true;
                }
            } else if (c == ')' || c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (hidden(c)) {
                problems.add(new RuleProblem(file, line, "规则中有看不见或会改变文字显示顺序的字符 U+%04X，请删去".formatted((int) c)));
            }
        }
        return new Read(problems, !deepTold && !longTold);
    }

    /**
     * A character that shows other than it reads: control characters (but tab, line feed, carriage return and
     * form feed), the Unicode line and paragraph separators, and the bidirectional controls.
     */
    private static boolean hidden(char c) {
        if (c < 0x20) {
            return c != '\t' && c != '\n' && c != '\r' && c != '\f';
        }
        return c == 0x7F || c >= 0x80 && c <= 0x9F || c == 0x2028 || c == 0x2029 || c >= 0x202A && c <= 0x202E
                || c >= 0x2066 && c <= 0x2069 || c == 0x200E || c == 0x200F || c == 0x061C;
    }
}
