package org.nianbao.report;

import java.time.LocalDate;

/** The statement of the statistical period (统计期限 2023年1月1日至12月31日). */
public record StatisticalPeriod(LocalDate from, LocalDate to, int line, String excerpt) {

    /** The year the period starts in. */
    public int year() {
        return from.getYear();
    }

    /** The period is one whole calendar year: 1 January to 31 December. */
    public boolean wholeYear() {
        return from.equals(LocalDate.of(from.getYear(), 1, 1)) && to.equals(LocalDate.of(from.getYear(), 12, 31));
    }
}
