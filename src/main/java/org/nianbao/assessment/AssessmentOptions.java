package org.nianbao.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.nianbao.reading.Document;

/**
 * What the submitter may tell about a report that the report itself may not say.
 *
 * @param publishedOn  when it was published ({@code publishedOnSource: "given"})
 * @param agency       the publishing organ, when the text does not name it clearly
 * @param level        "government", "department" or "township": decides the deadline
 * @param previousYear last year's report of the same agency, for the cross-year checks (A6, A7, N2), or null
 * @param dismissed    the fingerprints of findings a reviewer dismissed: they are left out, and deduct nothing
 * @param otherAgencies the other agencies' reports of the same evaluation round, for the check that section 五
 *                      is not copied from another agency (N2)
 */
public record AssessmentOptions(LocalDate publishedOn, String agency, String level, Document previousYear,
                                Set<String> dismissed, List<OtherAgency> otherAgencies) {

    public static final AssessmentOptions NONE = new AssessmentOptions(null, null, null);

    /**
     * Another agency's report: its name, its section 五 as {@link Assessor#otherAgency} gives it, and when it was
     * published ({@code null} when not known).
     */
    public record OtherAgency(String agency, String sectionFive, LocalDate publishedOn) {

        public OtherAgency(String agency, String sectionFive) {
            this(agency, sectionFive, null);
        }
    }

    public AssessmentOptions {
        dismissed = dismissed == null ? Set.of() : Set.copyOf(dismissed);
        otherAgencies = otherAgencies == null ? List.of() : List.copyOf(otherAgencies);
    }

    public AssessmentOptions(LocalDate publishedOn, String agency, String level) {
        this(publishedOn, agency, level, null, Set.of(), List.of());
    }

    public AssessmentOptions withPreviousYear(Document previous) {
        return new AssessmentOptions(publishedOn, agency, level, previous, dismissed, otherAgencies);
    }

    public AssessmentOptions withDismissed(Set<String> fingerprints) {
        return new AssessmentOptions(publishedOn, agency, level, previousYear, fingerprints, otherAgencies);
    }

    public AssessmentOptions withOtherAgencies(List<OtherAgency> others) {
        return new AssessmentOptions(publishedOn, agency, level, previousYear, dismissed, others);
    }
}
