package org.nianbao.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stock phrases that say nothing in particular (「还存在一些不足」「与群众期待还有差距」「有待进一步加强」). A problem is
 * generic when nothing is left once they are taken out: its length says nothing, 「政策解读形式单一」 is short and specific.
 */
public final class Boilerplate {

    /** An ordinal a problem starts with (「一是」「（二）」「3.」「第四」); package-visible for the test of the definition. */
    static final Pattern ORDINAL = Pattern.compile(
            "^(?:[一二三四五六七八九十]+是|[(（]?[一二三四五六七八九十\\d]+[)）.、]|第[一二三四五六七八九十]+)");
    /** The stock phrases. */
    static final Pattern STOCK = Pattern.compile(
            "我(?:局|单位|机关|委|办|厅|市|区|县|镇|乡)|本(?:单位|机关)|政府信息公开|政务公开|信息公开|相关|有关|各项|整体|总体|"
            + "工作|方面|领域|环节|水平|质量|能力|程度|力度|意识|"
            + "仍然?|还|尚|依然|依旧|仍旧|也|都|均|一定的?|一些|部分|某些|个别|较为|比较|不够|不足|差距|短板|弱项|问题|"
            + "存在|有待|需要|需|进一步|继续|持续|加强|提高|提升|改进|完善|深化|空间|与|和|及|同|的|了|在|有|等|上|中|"
            + "群众|公众|社会|期待|期盼|期望|要求|需求|相比|相较|新形势|新要求|[,，。;；、:：!！]");

    private Boilerplate() {
    }

    /**
     * Whether a stated problem is only stock phrases: with its ordinal and every stock phrase taken out (leftmost
     * first, as a search from left to right finds them), fewer than two Chinese characters or letters are left. Read
     * from the left, it stops at the second character that is not part of a stock phrase.
     */
    public static boolean isGeneric(String problem) {
        if (problem == null) {
            return true;
        }
        String text = problem.strip();
        Matcher ordinal = ORDINAL.matcher(text);
        int at = ordinal.lookingAt() ? ordinal.end() : 0;
        Matcher stock = STOCK.matcher(text);
        int left = 0;
        while (at < text.length()) {
            stock.region(at, text.length());
            if (stock.lookingAt()) {
                at = stock.end();
                continue;
            }
            int c = text.codePointAt(at);
            if (isCounted(c) && ++left >= 2) {
                return false;
            }
            at += Character.charCount(c);
        }
        return true;
    }

    /** A character that says something: a common Chinese character or a Latin letter. */
    private static boolean isCounted(int c) {
        return (c >= '\u4e00' && c <= '\u9fa5') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
