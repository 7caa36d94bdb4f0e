package org.nianbao.report;

/**
 * Another agency's report in the same evaluation round, as far as the narrative checks compare it with this one.
 *
 * @param agency                the other agency
 * @param sectionFiveSimilarity how alike the two reports' section 五 (problems and measures) are, 0–1, years and
 *                              numbers left out (the measure used across years)
 */
public record OtherAgencyReport(String agency, double sectionFiveSimilarity) {
}
