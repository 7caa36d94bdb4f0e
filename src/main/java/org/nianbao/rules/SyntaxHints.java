package org.nianbao.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The common mistakes of a hand-edited rule file, found where they are and told in Chinese: a full-width quote or
 * bracket where code needs a half-width one, a quote or bracket left open, a rule without its {@code end}. Drools'
 * own parser reports these far from their cause (an open quote shows as an error at the end of the file), so these
 * are told first and its messages kept as details.
 */
public final class SyntaxHints {

    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"([^\"]*)\"");
    private static final Pattern END = Pattern.compile("^\\s*end\\s*$");
    private static final String FULL_WIDTH = "“”‘’（），；：！＝＜＞＋－＊／＆｜";

    private SyntaxHints() {
    }

    /** Whether a message is one of the parser's own (kept as a detail behind the hints). */
    public static boolean isParserMessage(String message) {
        return message != null && message.startsWith("[ERR ");
    }

    /** The mistakes found in one rule file, each at its line. */
    public static List<RuleProblem> of(String file, String text) {
        List<RuleProblem> hints = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        String openRule = null;
        int openRuleLine = 0;
        int depth = 0; // round brackets open within the current rule
        int depthLine = 0;
        boolean fullWidth = false; // a full-width sign in the rule: its brackets are not counted further
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i];
            Matcher rule = RULE.matcher(line);
            if (rule.find()) {
                if (openRule != null) {
                    hints.add(new RuleProblem(file, openRuleLine, "规则「%s」缺少结尾的 end：每条规则都以 end 单独一行结束（下一条规则从第 %d 行开始）"
                            .formatted(openRule, number)));
                }
                openRule = rule.group(1);
                openRuleLine = number;
                depth = 0;
                fullWidth = false;
                continue;
            }
            if (END.matcher(line).matches()) {
                if (depth > 0 && !fullWidth) {
                    hints.add(new RuleProblem(file, depthLine, "第 %d 行起的圆括号「(」没有配对的「)」：规则「%s」到 end 为止少了 %d 个「)」"
                            .formatted(depthLine, openRule, depth)));
                }
                openRule = null;
                depth = 0;
                continue;
            }
            boolean inString = false;
            char quote = 0;
            for (int k = 0; k < line.length(); k++) {
                char c = line.charAt(k);
                if (inString) {
                    if (c == '\\') {
                        k++;
                    } else if (c == quote) {
                        inString = false;
                    }
                    continue;
                }
                if (c == '/' && k + 1 < line.length() && line.charAt(k + 1) == '/') {
                    break; // a comment: anything goes
                }
                if (c == '"' || c == '\'') {
                    inString = true;
                    quote = c;
                } else if (FULL_WIDTH.indexOf(c) >= 0) {
                    hints.add(new RuleProblem(file, number, "第 %d 行第 %d 个字符是全角的「%c」：规则代码里的引号、括号、逗号和运算符须用半角（英文）符号，全角符号只能写在引号内的文字中%s"
                            .formatted(number, k + 1, c, c == '“' || c == '”' ? "；字符串两端请用半角双引号 \"" : "")));
                    fullWidth = true;
                    break;
                } else if (c == '(') {
                    if (depth == 0) {
                        depthLine = number;
                    }
                    depth++;
                } else if (c == ')') {
                    depth--;
                    if (depth < 0) {
                        hints.add(new RuleProblem(file, number, "第 %d 行多了一个「)」，没有与之配对的「(」".formatted(number)));
                        depth = 0;
                    }
                }
            }
            if (inString) {
                hints.add(new RuleProblem(file, number, "第 %d 行的引号没有配对：以 %c 开始的文字到行尾还没有结束".formatted(number, quote)));
            }
        }
        if (openRule != null) {
            hints.add(new RuleProblem(file, openRuleLine, "规则「%s」缺少结尾的 end：每条规则都以 end 单独一行结束".formatted(openRule)));
        }
        return hints;
    }

    /** When no particular mistake is found: what the parser's message at a line most often means. */
    public static RuleProblem general(RuleProblem parser) {
        return new RuleProblem(parser.file(), parser.line(), "第 %d 行附近有语法错误，Drools 不能理解这里的写法；常见的原因是括号或引号不成对、少了逗号、用了全角符号或缺少 end"
                .formatted(parser.line()));
    }
}
