package org.nianbao.report;

/**
 * A number the text states that the tables also hold, e.g. 「共收到依申请公开件1件」.
 *
 * @param subject one of {@code applications_received}, {@code applications_handled},
 *                {@code applications_not_processed}, {@code applications_carried_over}, {@code reviews},
 *                {@code lawsuits}, {@code normative_documents_issued}
 */
public record NarrativeClaim(String subject, double value, int section, int line, String excerpt) {
}
