package org.nianbao.policy;

import java.util.regex.Pattern;

/**
 * A report made around one sentence of the phrasebook: a title, the six part headings and a few plain lines that state
 * none of the things the phrasebook tests, with the sentence where it stood. A sentence that begins with a part's own
 * heading (「六、其他需要报告的事项⏎本年度未收取信息处理费。」) replaces that heading; a heading of another kind
 * (「五、监督保障情况。」 where part 五 should stand) stays inside the part.
 */
final class PhraseReport {

    private static final String[] HEADINGS = {"", "一、总体情况", "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项"};
    private static final Pattern OWN_HEADING = Pattern.compile("^\\s*[一二三四五六七八九十]{1,2}、");
    /** A word of each part's title: a sentence's own heading with it stands for that part's heading. */
    private static final String[] TITLE_WORDS = {"", "总体|概述|基本情况", "主动公开", "申请", "复议|诉讼", "问题", "其他|其它"};
    private static final Pattern PLAIN_NAME = Pattern.compile("^[\\u4e00-\\u9fa5()（）]{4,40}$");

    private PhraseReport() {
    }

    /** Where a sentence stands: 0 the preamble, 1–6 a part. Anything else written in the file counts as part 一. */
    static int place(String part, String kind) {
        if (part == null || part.isBlank()) {
            return switch (kind) {
                case "statistical_period" -> 0;
                case "problems", "measures", "last_year_rectification" -> 5;
                case "information_fee", "fee_notice" -> 6;
                default -> 1;
            };
        }
        String p = part.strip();
        if (p.startsWith("前言") || p.startsWith("preamble") || p.startsWith("标题")) {
            return 0;
        }
        int at = "一二三四五六".indexOf(p.charAt(0));
        return at >= 0 ? at + 1 : 1;
    }

    static String of(Phrasebook.Phrase p) {
        // the rules of the 2021 format apply from 2021 on: an older sentence is tested as if written then
        int year = p.year() != null ? Math.max(p.year(), 2021) : 2023;
        int place = place(p.part(), p.kind());
        boolean fivePlain = !p.kind().equals("problems") && !p.kind().equals("measures");
        String agency = p.agency() != null && PLAIN_NAME.matcher(p.agency().strip()).matches() ? p.agency().strip() : "某某单位";
        String text = p.text().strip();
        String firstLine = text.lines().findFirst().orElse("");
        boolean ownHeading = place > 0 && OWN_HEADING.matcher(firstLine).find()
                && Pattern.compile(TITLE_WORDS[place]).matcher(firstLine).find();
        StringBuilder r = new StringBuilder();
        r.append(agency).append(year).append("年政府信息公开工作年度报告\n\n");
        if (place == 0) {
            r.append(text).append("\n\n");
        }
        for (int n = 1; n <= 6; n++) {
            if (!(ownHeading && n == place)) {
                r.append(HEADINGS[n]).append('\n');
            }
            switch (n) {
                case 1 -> r.append("本单位认真贯彻落实《中华人民共和国政府信息公开条例》，按照上级部署推进政务公开工作。\n");
                case 2, 3, 4 -> r.append("本部分统计表以图片形式公开。\n");
                case 5 -> {
                    if (fivePlain && place != 5) {
                        r.append("(一)存在的主要问题\n一是政策解读形式较为单一。\n(二)改进情况\n下一步，本单位将丰富政策解读形式。\n");
                    }
                }
                default -> {
                    if (place != 6) {
                        r.append("无其他需要报告的事项。\n");
                    }
                }
            }
            if (n == place) {
                r.append(text).append('\n');
            }
            r.append('\n');
        }
        return r.toString();
    }
}
