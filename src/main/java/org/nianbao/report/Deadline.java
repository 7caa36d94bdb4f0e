package org.nianbao.report;

import java.time.LocalDate;

/** The legal publication deadline for this report, from the scorecard's deadline table. */
public record Deadline(LocalDate date, String basis) {
}
