package org.nianbao.policy;

import java.util.ArrayList;
import java.util.List;
import org.nianbao.extraction.FactNames;
import org.nianbao.extraction.OrganCatalog;
import org.nianbao.rules.RuleSet;
import org.nianbao.scoring.Scorecard;

/**
 * The scoring method a committee hands to agencies before a round, generated from the rules and the scorecard in
 * force, never written by hand: every check with its points, the rules that test it (what each tests and on what
 * basis, as its comment says) and what each finding costs; the caps, the grade bands, and the organ table: each kind
 * of organ with how it is recognised, its deadline and the duties (with their articles) that decide which rules bind
 * it; how a check the report itself makes impossible is scored ({@code omittedByReport}) and which reports are scored
 * at all ({@code scope}).
 */
public record ScoringMethod(String ruleset, String scorecard, String scorecardName, List<Category> categories,
                            List<Cap> caps, List<Scorecard.Grade> grades, Organs organs, String omittedByReport,
                            Scorecard.Scope scope, Names names) {

    /** The organ table in force ({@code rules/organs.yaml}). */
    public record Organs(List<OrganKind> kinds, OrganKind unknown, List<Duty> duties, List<String> areasWithoutGovernment) {
    }

    /** A kind of organ: how it is recognised, its level, deadline (次年「月-日」) and basis, the duties that bind it. */
    public record OrganKind(String kind, String name, String level, List<String> names, List<String> endings,
                            List<String> patterns, String deadline, String deadlineBasis, List<String> duties, String note) {
    }

    /** A duty or a limit, the article it rests on, and the rules that check it. */
    public record Duty(String id, String name, String basis, List<String> rules) {
    }

    /**
     * The names rules use, with what the format prints for each: every table's rows and columns (any format year)
     * and the statements of {@code statements.yaml}. A rule naming anything else is refused.
     */
    public record Names(List<Table> tables, List<Name> statements) {
    }

    /** A table's rows and columns. */
    public record Table(String table, List<Name> rows, List<Name> columns) {
    }

    /**
     * A name, its label, and how reports write it (a table's row or column: the words of {@code labels.yaml}; empty
     * for a statement).
     */
    public record Name(String key, String label, List<String> written) {

        public Name(String key, String label) {
            this(key, label, List.of());
        }
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
                FactNames.rows(t).stream().map(r -> new Name(r, FactNames.rowLabel(t, r), written(rules, t, "rows", r))).toList(),
                FactNames.columns(t).stream().map(c -> new Name(c, FactNames.columnLabel(t, c), written(rules, t, "columns", c)))
                        .toList())).toList();
        // a kind with several wordings (each with its reading) is one name
        List<Name> statements = new ArrayList<>(rules.statements().entries().stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.kind(), e -> new Name(e.kind(), e.name() == null ? e.kind() : e.name()),
                        (a, b) -> a, java.util.LinkedHashMap::new)).values());
        return new ScoringMethod(rules.version(), card.label(), card.name(), categories, caps, card.grades(),
                organs(rules.organs()), card.omittedByReport(), card.scope(), new Names(tables, statements));
    }

    private static Organs organs(OrganCatalog table) {
        List<Duty> duties = table.duties().stream().map(d -> new Duty(d.id(), d.name(), d.basis(), d.rules())).toList();
        List<OrganKind> kinds = table.kinds().stream().map(ScoringMethod::kind).toList();
        return new Organs(kinds, kind(table.unknown()), duties, table.areasWithoutGovernment());
    }

    private static OrganKind kind(OrganCatalog.Kind k) {
        return new OrganKind(k.kind(), k.name(), k.level(), k.names(), k.endings(),
                k.patterns().stream().map(java.util.regex.Pattern::pattern).toList(),
                "%02d-%02d".formatted(k.deadline().getMonthValue(), k.deadline().getDayOfMonth()), k.deadlineBasis(),
                k.duties().stream().sorted().toList(), k.note());
    }

    /** How reports write a table's row or column, as labels.yaml lists it. */
    private static List<String> written(RuleSet rules, String table, String kind, String key) {
        var words = rules.labels().words(table, kind, key);
        return words == null ? List.of() : words.all();
    }
}
