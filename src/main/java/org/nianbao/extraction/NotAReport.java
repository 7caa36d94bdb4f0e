package org.nianbao.extraction;

import java.util.regex.Pattern;
import org.nianbao.reading.RejectedInput;
import org.nianbao.reading.SourceLine;
import org.nianbao.reading.SourceText;

/**
 * Files that are plainly not an annual report, refused with the reason before any reading: a data file (JSON), a text
 * mostly in other letters than Chinese (a folder's README), a page that explains a report (「文字解读」「图解」) rather
 * than being one.
 */
final class NotAReport {

    /** Below this share of Chinese characters among the visible ones, a text is not a report's. */
    private static final double LEAST_CHINESE = 0.25;
    /** Fewer visible characters than this are not judged by their share: a cut-off page may be mostly digits. */
    private static final int LEAST_TO_JUDGE = 200;
    private static final Pattern EXPLAINER = Pattern.compile("^(?:文字解读|图文解读|图解|一图读懂|解读)[:：]?");

    private NotAReport() {
    }

    static void check(SourceText text) {
        String first = firstVisible(text);
        String original = text.original().strip();
        if ((original.startsWith("{") && original.endsWith("}")) || (original.startsWith("[") && original.endsWith("]")
                && original.length() > 1 && (original.charAt(1) == '{' || original.charAt(1) == '"' || Character.isWhitespace(original.charAt(1))))) {
            throw RejectedInput.notAReport("内容是 JSON 数据（以「" + original.charAt(0) + "」开头和结尾），不是年度报告的正文");
        }
        int visible = 0;
        int chinese = 0;
        for (SourceLine line : text.lines()) {
            String c = line.compact();
            visible += c.length();
            for (int i = 0; i < c.length(); i++) {
                char ch = c.charAt(i);
                if (ch >= '\u4e00' && ch <= '\u9fff') {
                    chinese++;
                }
            }
        }
        if (visible >= LEAST_TO_JUDGE && chinese < LEAST_CHINESE * visible) {
            throw RejectedInput.notAReport("正文中汉字只占 %d%%，大部分是其他文字（如说明文件、英文文档）"
                    .formatted(Math.round(100.0 * chinese / visible)));
        }
        if (first != null && EXPLAINER.matcher(first).find()) {
            throw RejectedInput.notAReport("这是对年度报告的解读（「" + (first.length() > 30 ? first.substring(0, 30) + "…" : first)
                    + "」），不是报告本身；请提交报告原文");
        }
    }

    private static String firstVisible(SourceText text) {
        for (SourceLine line : text.lines()) {
            if (!line.isBlank()) {
                return line.compact();
            }
        }
        return null;
    }
}
