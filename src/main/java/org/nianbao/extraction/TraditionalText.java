package org.nianbao.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.nianbao.reading.SourceLine;
import org.nianbao.reading.SourceText;

/**
 * A report in traditional characters (a big5 gateway of a government site, a copy converted on another site) read as
 * the simplified text it was published in: OpenCC's dictionaries (characters and phrases, not Taiwan's vocabulary,
 * which would turn the 文件 of a gateway's page into 文档), then the few Taiwan words that copies substitute in
 * reports taken back (檔案 for 文件, 網路 for 网络, 計畫 for 计划). Pinyin glosses that some copies put after characters
 * (「發(fā)布時間」) are dropped first. Line by line, so every line keeps its number; a text in simplified characters
 * is left as it is (no simplified text goes through the converter, which would change words such as 乾县).
 */
final class TraditionalText {

    /** Characters that exist only in traditional writing, among the commonest of a report. */
    private static final String TRADITIONAL = "報與開說會來為這個們國機關門時實經應處請數據條區縣鎮鄉辦書務產業發動員對將過還進統計訊網體總況審監復議訴訟結轉繼續號鄉長關於對於資訊並從當與員間";
    /** Their simplified counterparts. */
    private static final String SIMPLIFIED = "报与开说会来为这个们国机关门时实经应处请数据条区县镇乡办书务产业发动员对将过还进统计讯网体总况审监复议诉讼结转继续号乡长关于对于资讯并从当与员间";
    /** The same characters, looked up at once (a report's every character is looked up). */
    private static final java.util.BitSet TRADITIONAL_SET = set(TRADITIONAL);
    private static final java.util.BitSet SIMPLIFIED_SET = set(SIMPLIFIED);
    /** 「發(fā)」: a pinyin syllable with a tone mark in brackets right after a character. */
    private static final Pattern GLOSS = Pattern.compile(
            "(?<=[\\u4e00-\\u9fa5])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ][a-zü]*[)）]");

    private TraditionalText() {
    }

    /** The text in simplified characters, with a note saying so; the text itself when it is not traditional. */
    static SourceText simplified(SourceText text) {
        if (!isTraditional(text)) {
            return text;
        }
        List<SourceLine> lines = new ArrayList<>(text.lines().size());
        for (SourceLine line : text.lines()) {
            lines.add(SourceLine.of(line.number(), convert(line.text())));
        }
        return text.withLines(lines, convert(text.original()),
                "原文为繁体字，已转换为简体字后读取（摘录的文字为转换后的简体字）");
    }

    /** More characters of traditional writing than of simplified among the commonest, and not a few. */
    static boolean isTraditional(SourceText text) {
        int traditional = 0;
        int simplified = 0;
        for (SourceLine line : text.lines()) {
            String s = line.compact();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < '\u4e00') {
                    continue;
                }
                if (TRADITIONAL_SET.get(c)) {
                    traditional++;
                } else if (SIMPLIFIED_SET.get(c)) {
                    simplified++;
                }
            }
        }
        return traditional >= 5 && traditional > 2 * simplified;
    }

    private static java.util.BitSet set(String characters) {
        java.util.BitSet set = new java.util.BitSet(0x10000);
        characters.chars().forEach(set::set);
        return set;
    }

    static String convert(String text) {
        String simplified = com.github.houbb.opencc4j.util.ZhConverterUtil.toSimple(GLOSS.matcher(text).replaceAll(""));
        for (String[] word : TAIWAN_WORDS) {
            if (simplified.contains(word[0])) {
                simplified = simplified.replace(word[0], word[1]);
            }
        }
        return simplified;
    }

    /** Taiwan words a converted copy of a report puts for the mainland ones (after simplification), and the mainland word. */
    private static final String[][] TAIWAN_WORDS = {{"规范性档案", "规范性文件"}, {"政策档案", "政策文件"}, {"网路", "网络"},
            {"计画", "计划"}, {"入口网站", "门户网站"}, {"最佳化", "优化"}, {"巨观", "宏观"}, {"资讯公开", "信息公开"}};
}
