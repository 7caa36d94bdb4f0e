package org.nianbao.report;

import java.time.LocalDate;

/**
 * The statement of the statistical period (统计期限 2023年1月1日至12月31日).
 *
 * @param from the first day; {@code null} when the report states only the cut-off of its data
 *             (「数据截止时间为2022年12月31日」)
 * @param to   the last day
 */
public record StatisticalPeriod(LocalDate from, LocalDate to, int line, String excerpt) {

    /** The year the period covers: the year it starts in, or (a cut-off alone) the year of its end. */
    public int year() {
        return from != null ? from.getYear() : to.getYear();
    }

    /**
     * The period is one whole calendar year: 1 January to 31 December. A cut-off alone on 31 December (「数据截止
     * 时间为2022年12月31日」) is taken as that year up to its end.
     */
    public boolean wholeYear() {
        LocalDate lastDay = LocalDate.of(to.getYear(), 12, 31);
        return to.equals(lastDay) && (from == null || from.equals(LocalDate.of(to.getYear(), 1, 1)));
    }

    /** The period as a message shows it: 「2022-01-01至2022-12-31」, or 「截至2022-12-31」 for a cut-off alone. */
    public String shown() {
        return from == null ? "截至" + to : from + "至" + to;
    }
}
