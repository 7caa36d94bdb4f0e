package org.nianbao.report;

import java.time.LocalDate;

/**
 * What a report says about itself.
 *
 * @param agency            the organ that publishes it (e.g. 衢州市应急管理局), {@code null} if not found
 * @param year              the year reported on, {@code null} if not found
 * @param format            "2019" or "2021": the table format the report actually uses (its tables' headers; by the
 *                          year when no header tells), {@code null} when neither tells
 * @param level             "government", "department" or "township", {@code null} when the organ is not known
 * @param organ             the organ's kind in the organ table ({@code rules/organs.yaml}): decides the deadline and
 *                          which duties bind it; {@code null} when not known
 * @param publishedOn       when it was published, {@code null} if unknown
 * @param publishedOnSource "given", "page", "signature" or "none"
 * @param signedOn          the date under the report (落款日期), {@code null} if there is none
 * @param signedOnLine      the line of that date
 * @param titleYear         the year in the report's title, {@code null} without a title
 * @param titleLine         the line of the title
 * @param completeness      "full" (all six parts), "cut_off" (the text stops in the middle of a part, a table
 *                          or a character) or "draft" (parts missing, but what is there ends cleanly)
 */
public record Report(String agency, Integer year, String format, String level, String organ,
                     LocalDate publishedOn, String publishedOnSource,
                     LocalDate signedOn, Integer signedOnLine, Integer titleYear, Integer titleLine,
                     String completeness) {

    public static final String FULL = "full";
    public static final String CUT_OFF = "cut_off";
    public static final String DRAFT = "draft";

    public static final String GOVERNMENT = "government";
    public static final String DEPARTMENT = "department";
    public static final String TOWNSHIP = "township";

    /** Whether {@code level} is one of the three a submitter may give. */
    public static boolean isLevel(String level) {
        return GOVERNMENT.equals(level) || DEPARTMENT.equals(level) || TOWNSHIP.equals(level);
    }

    /** Reports on 2021 and later use the 2021 format (国办公开办函〔2021〕30号). */
    public boolean dueFormat2021() {
        return year != null && year >= 2021;
    }

    public Report withPublication(LocalDate date, String source) {
        return new Report(agency, year, format, level, organ, date, source, signedOn, signedOnLine, titleYear, titleLine,
                completeness);
    }

    public Report withAgency(String newAgency) {
        return new Report(newAgency, year, format, level, organ, publishedOn, publishedOnSource, signedOn, signedOnLine,
                titleYear, titleLine, completeness);
    }

    public Report withFormatAndCompleteness(String newFormat, String newCompleteness) {
        return new Report(agency, year, newFormat, level, organ, publishedOn, publishedOnSource, signedOn, signedOnLine,
                titleYear, titleLine, newCompleteness);
    }

    /** The same report of another organ kind, and the level of that kind. */
    public Report withOrgan(String newOrgan, String newLevel) {
        return new Report(agency, year, format, newLevel, newOrgan, publishedOn, publishedOnSource, signedOn, signedOnLine,
                titleYear, titleLine, completeness);
    }
}
