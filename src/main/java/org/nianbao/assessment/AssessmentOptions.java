package org.nianbao.assessment;

import java.time.LocalDate;
import org.nianbao.reading.Document;

/**
 * What the submitter may tell about a report that the report itself may not say.
 *
 * @param publishedOn  when it was published ({@code publishedOnSource: "given"})
 * @param agency       the publishing organ, when the text does not name it clearly
 * @param level        "government", "department" or "township": decides the deadline
 * @param previousYear last year's report of the same agency, for the cross-year checks (A6, A7, N2), or null
 */
public record AssessmentOptions(LocalDate publishedOn, String agency, String level, Document previousYear) {

    public static final AssessmentOptions NONE = new AssessmentOptions(null, null, null);

    public AssessmentOptions(LocalDate publishedOn, String agency, String level) {
        this(publishedOn, agency, level, null);
    }

    public AssessmentOptions withPreviousYear(Document previous) {
        return new AssessmentOptions(publishedOn, agency, level, previous);
    }
}
