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

    /** The rule language's expander on a line it has no sentence for: {@code [12] Unable to expand: …}. */
    private static final Pattern UNEXPANDED = Pattern.compile("^\\[\\d+\\] Unable to expand: ");
    private static final Pattern SENTENCE = Pattern.compile("^\\s*\\[(when|condition|then|consequence)\\](?:\\[[^\\]]*\\])?([^=]+)=");
    private static final Pattern PLACE = Pattern.compile("(\"?)\\{(\\w+)\\}(\"?)");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final char QUOTED = '\uE000';
    private static final char FILLED = '\uE001';

    /** Whether a message is one of the parser's own (kept as a detail behind the hints). */
    public static boolean isParserMessage(String message) {
        return message != null && (message.startsWith("[ERR ") || UNEXPANDED.matcher(message).find());
    }

    /** Whether a message is the expander's on a line that is none of the rule language's sentences. */
    public static boolean isUnexpanded(String message) {
        return message != null && UNEXPANDED.matcher(message).find();
    }

    /** A sentence of the rule language as its .dsl file writes it: a condition ([when]) or a conclusion ([then]). */
    public record Sentence(boolean condition, String template) {
    }

    /** The sentences a .dsl file defines, in its order. */
    public static List<Sentence> sentences(String dsl) {
        List<Sentence> sentences = new ArrayList<>();
        for (String line : dsl.split("\\R")) {
            Matcher m = SENTENCE.matcher(line);
            if (m.find()) {
                sentences.add(new Sentence(m.group(1).equals("when") || m.group(1).equals("condition"), m.group(2).strip()));
            }
        }
        return sentences;
    }

    /**
     * The mistakes found in a file of the Chinese rule language (.dslr), each at its line: a rule without its
     * {@code end}, a quote (「 “ ") left open, and each of the lines the expander could not expand ({@code unexpanded})
     * told as a sentence the language does not have, quoted as written, with the nearest of {@code sentences}.
     */
    public static List<RuleProblem> ofDslr(String file, String text, List<Sentence> sentences, java.util.Set<Integer> unexpanded) {
        List<RuleProblem> hints = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        String openRule = null;
        int openRuleLine = 0;
        int swallowedFrom = Integer.MAX_VALUE; // after a rule without end, the expander's lines say nothing of their own
        Boolean condition = null; // between when and then, between then and end, or neither
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i];
            String word = line.strip();
            Matcher rule = RULE.matcher(line);
            if (rule.find()) {
                if (openRule != null) {
                    hints.add(new RuleProblem(file, openRuleLine, "规则「%s」缺少结尾的 end：每条规则都以 end 单独一行结束（下一条规则从第 %d 行开始）"
                            .formatted(openRule, number)));
                    swallowedFrom = Math.min(swallowedFrom, number);
                }
                openRule = rule.group(1);
                openRuleLine = number;
                condition = null;
                continue;
            }
            if (END.matcher(line).matches()) {
                openRule = null;
                condition = null;
                continue;
            }
            if (word.equals("when")) {
                condition = true;
                continue;
            }
            if (word.equals("then")) {
                condition = false;
                continue;
            }
            if (word.startsWith("//") || word.startsWith("#")) {
                continue;
            }
            char open = openQuote(line);
            if (open != 0) {
                hints.add(new RuleProblem(file, number, "第 %d 行的引号没有配对：引号 %c 开始的文字到行尾还没有结束，请在文字后补上 %c"
                        .formatted(number, open, open == '「' ? '」' : open == '“' ? '”' : '"')));
            } else if (unexpanded.contains(number) && number < swallowedFrom) {
                hints.add(new RuleProblem(file, number, notASentence(number, word, condition, sentences)));
            }
        }
        if (openRule != null) {
            hints.add(new RuleProblem(file, openRuleLine, "规则「%s」缺少结尾的 end：每条规则都以 end 单独一行结束".formatted(openRule)));
        }
        return hints;
    }

    /** The quote a line of the rule language leaves open (0 when none): 「 closes with 」, “ and " with ” or ". */
    private static char openQuote(String line) {
        char open = 0;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (open == 0) {
                if (c == '/' && k + 1 < line.length() && line.charAt(k + 1) == '/') {
                    break;
                }
                if (c == '「' || c == '“' || c == '"') {
                    open = c;
                }
            } else if (open == '「' ? c == '」' : c == '”' || c == '"') {
                open = 0;
            }
        }
        return open;
    }

    /** A line that is none of the language's sentences, as written, with the sentences nearest to it. */
    private static String notASentence(int number, String written, Boolean condition, List<Sentence> sentences) {
        List<Sentence> kind = sentences.stream().filter(s -> condition == null || s.condition() == condition).toList();
        String shape = shapeOfWritten(written);
        java.util.Map<Sentence, Integer> distance = new java.util.LinkedHashMap<>();
        kind.forEach(s -> distance.put(s, RuleNames.editDistance(shape, shapeOfTemplate(s.template()))));
        int best = distance.values().stream().min(Integer::compare).orElse(0);
        List<String> nearest = distance.entrySet().stream().filter(e -> e.getValue() <= best + 2)
                .sorted(java.util.Map.Entry.comparingByValue()).limit(3)
                .map(e -> "「" + filled(e.getKey(), written) + "」").toList();
        String what = condition == null ? "句子" : condition ? "条件句" : "结论句";
        return "第 %d 行「%s」不是规则语言中的句子：nianbao.dsl 里没有这样的%s。%s".formatted(number, written, what,
                nearest.isEmpty() ? "" : "相近的句子有" + String.join("、", nearest) + "，请照其中一句的写法改写");
    }

    /** A line as written, its quoted parts and numbers each made one sign, its punctuation half-width. */
    private static String shapeOfWritten(String written) {
        StringBuilder out = new StringBuilder();
        char open = 0;
        for (int k = 0; k < written.length(); k++) {
            char c = written.charAt(k);
            if (open != 0) {
                if (open == '「' ? c == '」' : c == '”' || c == '"') {
                    open = 0;
                }
            } else if (c == '「' || c == '“' || c == '"') {
                open = c;
                out.append(QUOTED);
            } else {
                out.append(c);
            }
        }
        return plainPunctuation(NUMBER.matcher(out).replaceAll(String.valueOf(FILLED)));
    }

    private static String shapeOfTemplate(String template) {
        Matcher m = PLACE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean quoted = !m.group(1).isEmpty() && !m.group(3).isEmpty();
            m.appendReplacement(out, String.valueOf(quoted ? QUOTED : FILLED));
        }
        m.appendTail(out);
        return plainPunctuation(out.toString());
    }

    private static String plainPunctuation(String text) {
        return text.replace('，', ',').replace('：', ':').replace('；', ';').replaceAll("\\s+", "");
    }

    /** A sentence written as a person writes it, filled in with the quoted parts and numbers of {@code written}. */
    private static String filled(Sentence sentence, String written) {
        java.util.Deque<String> quoted = new java.util.ArrayDeque<>();
        Matcher q = Pattern.compile("「([^」]*)」|“([^”\"]*)[”\"]|\"([^”\"]*)[”\"]").matcher(written);
        StringBuilder outside = new StringBuilder();
        while (q.find()) {
            quoted.add(q.group(1) != null ? q.group(1) : q.group(2) != null ? q.group(2) : q.group(3));
            q.appendReplacement(outside, " ");
        }
        q.appendTail(outside);
        java.util.Deque<String> numbers = new java.util.ArrayDeque<>();
        Matcher n = NUMBER.matcher(outside);
        while (n.find()) {
            numbers.add(n.group());
        }
        // a conclusion as a person writes it: with full-width commas between its parts
        Matcher m = PLACE.matcher(sentence.condition() ? sentence.template() : sentence.template().replace(',', '，'));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean isQuoted = !m.group(1).isEmpty() && !m.group(3).isEmpty();
            String value = isQuoted ? quoted.poll() : numbers.poll();
            if (value == null) {
                value = placeName(m.group(2));
            }
            String text = isQuoted ? (sentence.condition() ? "「" + value + "」" : "“" + value + "”")
                    : m.group(1) + value + m.group(3);
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** What a blank of a sentence takes, in words. */
    private static String placeName(String place) {
        return switch (place) {
            case "year" -> "年份";
            case "n" -> "数目";
            case "kind" -> "表述名称";
            case "t" -> "表号";
            case "row" -> "行名";
            case "column" -> "列名";
            case "message" -> "问题";
            case "suggestion" -> "建议";
            case "points" -> "分数";
            default -> place;
        };
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
