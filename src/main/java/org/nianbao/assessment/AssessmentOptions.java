package org.nianbao.assessment;

import java.time.LocalDate;

/**
 * What the submitter may tell about a report that the report itself may not say.
 *
 * @param publishedOn when it was published ({@code publishedOnSource: "given"})
 * @param agency      the publishing organ, when the text does not name it clearly
 * @param level       "government", "department" or "township": decides the deadline
 */
public record AssessmentOptions(LocalDate publishedOn, String agency, String level) {

    public static final AssessmentOptions NONE = new AssessmentOptions(null, null, null);
}
