package org.nianbao.report;

import java.time.LocalDate;

/**
 * The legal publication deadline for this report, from the organ table ({@code rules/organs.yaml}).
 *
 * @param basis   whose deadline it is (「国务院部门年度报告」), as a finding names it
 * @param article the provision it rests on (条例第四十九条…)
 */
public record Deadline(LocalDate date, String basis, String article) {
}
