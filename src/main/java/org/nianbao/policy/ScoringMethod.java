package org.nianbao.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nianbao.extraction.FactNames;
import org.nianbao.rules.RuleSet;
import org.nianbao.scoring.Scorecard;

/**
 * The scoring method a committee hands to agencies before a round, generated from the rules and the scorecard in
 * force, never written by hand: every check with its points, the rules that test it (what each tests and on what
 * basis, as its comment says) and what each finding costs; the caps, the grade bands and the deadlines; how a check
 * the report itself makes impossible is scored ({@code omittedByReport}) and which reports are scored at all
 * ({@code scope}).
 */
public record ScoringMethod(String ruleset, String scorecard, String scorecardName, List<Category> categories,
                            List<Cap> caps, List<Scorecard.Grade> grades, Map<String, String> deadlines,
                            String omittedByReport, Scorecard.Scope scope, Names names) {

    /**
     * The names rules use, with what the format prints for each: every table's rows and columns (any format year)
     * and the statements of {@code statements.yaml}. A rule naming anything else is refused.
     */
    public record Names(List<Table> tables, List<Name> statements) {
    }

    /** A table's rows and columns. */
    public record Table(String table, List<Name> rows, List<Name> columns) {
    }

    /** A name and its label. */
    public record Name(String key, String label) {
    }

    /** A category and its checks. */
    public record Category(String id, String name, double points, List<Check> checks) {
    }

    /**
     * A check: its points, how a finding deducts ({@code perFinding}, else the whole check), when it applies,
     * and its rules.
     */
    public record Check(String id, String name, double points, Double perFinding, Integer appliesFromYear,
                        boolean needsPreviousYear, List<String> needs, List<Rule> rules) {
    }

    /** A rule: what it tests and on what basis (its comment), how serious, and what one finding costs. */
    public record Rule(String id, String severity, String test, Double deduction, String file, int line) {
    }

    /**
     * A cap: the grade a report cannot exceed when one of these rules finds something (measuring at least
     * {@code minMeasure}; comparing numbers further apart than {@code tolerance}, said in words in {@code beyond}).
     */
    public record Cap(String flag, String maxGrade, List<String> rules, Double minMeasure, Scorecard.Tolerance tolerance,
                      String beyond) {
    }

    public static ScoringMethod of(RuleSet rules, Scorecard card) {
        List<CatalogueEntry> entries = CatalogueEntry.of(rules.rules(), card);
        List<Category> categories = new ArrayList<>();
        for (Scorecard.Category category : card.categories()) {
            List<Check> checks = new ArrayList<>();
            double points = 0;
            for (Scorecard.Check check : card.checks()) {
                if (!check.category().equals(category.id())) {
                    continue;
                }
                List<Rule> tested = entries.stream().filter(e -> check.id().equals(e.check()))
                        .map(e -> new Rule(e.id(), e.severity(), e.description(), e.deduction(), e.file(), e.line()))
                        .toList();
                List<String> needs = check.appliesFromYear() != null && !check.needs().contains("year")
                        ? java.util.stream.Stream.concat(java.util.stream.Stream.of("year"), check.needs().stream()).toList()
                        : check.needs();
                checks.add(new Check(check.id(), check.name(), check.points(), check.perFinding(), check.appliesFromYear(),
                        Boolean.TRUE.equals(check.needsPreviousYear()), needs, tested));
                points += check.points();
            }
            categories.add(new Category(category.id(), category.name(), points, checks));
        }
        List<Cap> caps = card.caps().stream().map(c -> new Cap(c.flag(), c.maxGrade(), c.rules(), c.minMeasure(),
                c.tolerance(), c.tolerance() == null ? null : c.tolerance().describe())).toList();
        List<Table> tables = FactNames.tables().stream().map(t -> new Table(t,
                FactNames.rows(t).stream().map(r -> new Name(r, FactNames.rowLabel(t, r))).toList(),
                FactNames.columns(t).stream().map(c -> new Name(c, FactNames.columnLabel(t, c))).toList())).toList();
        List<Name> statements = rules.statements().entries().stream()
                .map(e -> new Name(e.kind(), e.name() == null ? e.kind() : e.name())).toList();
        return new ScoringMethod(rules.version(), card.label(), card.name(), categories, caps, card.grades(), card.deadlines(),
                card.omittedByReport(), card.scope(), new Names(tables, statements));
    }
}
