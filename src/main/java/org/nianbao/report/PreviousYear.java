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
                SectionFiveText.similarity(SectionFiveText.of(thisYear), SectionFiveText.of(lastYear)));
    }
}
