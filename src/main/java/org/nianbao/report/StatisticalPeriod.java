package org.nianbao.report;

import java.time.LocalDate;

/** The statement of the statistical period (统计期限 2023年1月1日至12月31日). */
public record StatisticalPeriod(LocalDate from, LocalDate to, int line, String excerpt) {

    public boolean coversWholeYear(int year) {
        return from.equals(LocalDate.of(year, 1, 1)) && to.equals(LocalDate.of(year, 12, 31));
    }
}
