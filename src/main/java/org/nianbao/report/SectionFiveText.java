package org.nianbao.report;


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
        return similarity(pairs(a), b);
    }

    /** As {@link #similarity(String, String)}, with the first text's {@linkplain #pairs(String) pairs} already made. */
    public static double similarity(int[] a, String b) {
        if (a.length == 0 || b == null || b.length() < 2) {
            return 0;
        }
        int[] y = pairs(b);
        int both = 0;
        for (int i = 0, j = 0; i < a.length && j < y.length; ) { // both sorted: walked together once
            if (a[i] == y[j]) {
                both++;
                i++;
                j++;
            } else if (a[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        int either = a.length + y.length - both;
        return Math.round((double) both / either * 1000) / 1000.0;
    }

    /** A text's distinct pairs of neighbouring characters, each as one number (the two chars side by side), sorted. */
    public static int[] pairs(String s) {
        if (s == null || s.length() < 2) {
            return new int[0];
        }
        int[] pairs = new int[s.length() - 1];
        for (int i = 0; i + 1 < s.length(); i++) {
            pairs[i] = s.charAt(i) << 16 | s.charAt(i + 1);
        }
        return java.util.Arrays.stream(pairs).sorted().distinct().toArray();
    }
}
