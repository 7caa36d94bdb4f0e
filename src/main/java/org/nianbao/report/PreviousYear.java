package org.nianbao.report;

import java.util.List;

/**
 * Last year's report of the same agency, when the submitter gives it: the cross-year checks compare with it.
 *
 * @param consecutive          it reports on the year just before this report's year
 * @param sectionFiveSimilarity how alike the two reports' section 五 (problems and measures) are, 0–1,
 *                              years and numbers left out
 */
public record PreviousYear(Report report, List<TableCell> cells, List<Problem> problems, boolean consecutive,
                           double sectionFiveSimilarity) {

    public PreviousYear {
        cells = List.copyOf(cells);
        problems = List.copyOf(problems);
    }

    /** Links last year's facts to this year's report. */
    public static PreviousYear of(ReportFacts thisYear, ReportFacts lastYear) {
        boolean consecutive = thisYear.report().year() != null && lastYear.report().year() != null
                && lastYear.report().year() == thisYear.report().year() - 1;
        return new PreviousYear(lastYear.report(), lastYear.cells(), lastYear.problems(), consecutive,
                similarity(sectionFive(thisYear), sectionFive(lastYear)));
    }

    private static String sectionFive(ReportFacts facts) {
        StringBuilder text = new StringBuilder();
        facts.problems().forEach(p -> text.append(p.text()));
        facts.measures().forEach(m -> text.append(m.text()));
        return text.toString().replaceAll("[\\d\\s\\p{Punct}，。、；：“”（）《》]", "");
    }

    /** Jaccard similarity of the two texts' character pairs: 1 for the same text, near 0 for unrelated ones. */
    static double similarity(String a, String b) {
        if (a.length() < 2 || b.length() < 2) {
            return 0;
        }
        java.util.Set<String> x = pairs(a);
        java.util.Set<String> y = pairs(b);
        java.util.Set<String> both = new java.util.HashSet<>(x);
        both.retainAll(y);
        java.util.Set<String> either = new java.util.HashSet<>(x);
        either.addAll(y);
        return Math.round((double) both.size() / either.size() * 1000) / 1000.0;
    }

    private static java.util.Set<String> pairs(String s) {
        java.util.Set<String> pairs = new java.util.HashSet<>();
        for (int i = 0; i + 1 < s.length(); i++) {
            pairs.add(s.substring(i, i + 2));
        }
        return pairs;
    }
}
