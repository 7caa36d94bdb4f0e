package org.nianbao.extraction;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The statements the rules look for and the wording that makes them, kept with the rules
 * ({@code rules/statements.yaml}) so that policy staff can add a required statement without code.
 */
public record StatementCatalog(List<Entry> entries) {

    /**
     * @param kind     the id rules use, e.g. {@code information_fee}
     * @param name     what it is, in Chinese
     * @param sections the sections it counts in (empty: anywhere)
     * @param pattern  the wording, a regular expression matched against the line without white space
     * @param reading  what this wording says (several entries of one kind, each with its reading, are tried in
     *                 order: the first that matches a line gives the statement), or {@code null}
     * @param required what every match contains, so that a line without it is passed over
     * @param openings the words every match begins with, so that a line is searched only where one begins
     */
    public record Entry(String kind, String name, Set<Integer> sections, Pattern pattern, String reading,
                        RequiredText required, Openings openings) {

        public Entry(String kind, String name, Set<Integer> sections, Pattern pattern) {
            this(kind, name, sections, pattern, null);
        }

        public Entry(String kind, String name, Set<Integer> sections, Pattern pattern, String reading) {
            this(kind, name, sections, pattern, reading, RequiredText.of(pattern), Openings.of(pattern));
        }
    }

    public StatementCatalog {
        entries = List.copyOf(entries);
    }

    /** The kinds defined, in order. */
    public java.util.List<String> kinds() {
        return entries.stream().map(Entry::kind).distinct().toList();
    }

    public static StatementCatalog empty() {
        return new StatementCatalog(List.of());
    }
}
