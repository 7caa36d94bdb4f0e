package org.nianbao.report;

/**
 * Another agency's report in the same evaluation round, as far as the narrative checks compare it with this one.
 *
 * @param agency                the other agency
 * @param sectionFiveSimilarity how alike the two reports' section 五 (problems and measures) are, 0–1, years and
 *                              numbers left out (the measure used across years)
 * @param publishedOn           when the other report was published (given with it, or its page's date); {@code null}
 *                              when not known: then which of two alike reports came first cannot be told
 */
public record OtherAgencyReport(String agency, double sectionFiveSimilarity, java.time.LocalDate publishedOn) {

    public OtherAgencyReport(String agency, double sectionFiveSimilarity) {
        this(agency, sectionFiveSimilarity, null);
    }
}
