package org.nianbao.report;

import java.util.Set;

/**
 * The kind of organ that publishes the report, as the organ table ({@code rules/organs.yaml}) defines it: rules take
 * their scope from it ({@code Organ(duties contains "accountability_results")}) instead of testing names.
 *
 * @param kind   the kind's id (「county_government」), {@code unknown} when the organ could not be recognised
 * @param name   the kind's name in Chinese (「县级人民政府」)
 * @param level  {@code government}, {@code department}, {@code township}; {@code null} when unknown
 * @param duties the duties and limits that bind it (「accountability_results」「no_rule_making」)
 */
public record Organ(String kind, String name, String level, Set<String> duties) {

    public Organ {
        duties = duties == null ? Set.of() : Set.copyOf(duties);
    }
}
