package org.nianbao.report;

/**
 * A part of the narrative that seems to say what the format asks, but not in a way the reader could take apart
 * with certainty: section 五 has wording of problems (or of measures) and none could be isolated. The rules say
 * so as a note for a person to check, never as a missing statement.
 *
 * @param kind "problems" or "measures"
 */
public record NarrativeUnsure(String kind, int section, int line, String excerpt) {
}
