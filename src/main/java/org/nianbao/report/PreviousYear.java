package org.nianbao.report;

import java.util.List;

/** Last year's report of the same agency, when it is known: the cross-year checks compare with it. */
public record PreviousYear(Report report, List<TableCell> cells, List<Problem> problems) {

    public PreviousYear {
        cells = List.copyOf(cells);
        problems = List.copyOf(problems);
    }
}
