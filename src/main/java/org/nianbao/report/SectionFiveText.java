package org.nianbao.report;

import java.util.HashSet;
import java.util.Set;

/**
 * Section 五 (problems and measures) reduced to what two reports can be compared by: its words, without years,
 * numbers, spaces or punctuation; and how alike two such texts are.
 */
public final class SectionFiveText {

    private SectionFiveText() {
    }

    public static String of(ReportFacts facts) {
        StringBuilder text = new StringBuilder();
        facts.problems().forEach(p -> text.append(p.text()));
        facts.measures().forEach(m -> text.append(m.text()));
        return text.toString().replaceAll("[\\d\\s\\p{Punct}，。、；：“”（）《》]", "");
    }

    /** Jaccard similarity of the two texts' character pairs: 1 for the same text, near 0 for unrelated ones. */
    public static double similarity(String a, String b) {
        if (a == null || b == null || a.length() < 2 || b.length() < 2) {
            return 0;
        }
        Set<String> x = pairs(a);
        Set<String> y = pairs(b);
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        Set<String> either = new HashSet<>(x);
        either.addAll(y);
        return Math.round((double) both.size() / either.size() * 1000) / 1000.0;
    }

    private static Set<String> pairs(String s) {
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i + 1 < s.length(); i++) {
            pairs.add(s.substring(i, i + 2));
        }
        return pairs;
    }
}
