package org.nianbao.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.kie.internal.builder.conf.LanguageLevelOption;
import org.nianbao.extraction.FactNames;

/**
 * The names a rule may compare a fact's field with: the tables, each table's rows and columns (every format year),
 * the statement kinds of {@code statements.yaml}, the organ kinds and duties of {@code organs.yaml}, what the text's
 * numbers are about. A rule that writes
 * {@code row == "new_recieved"} would match nothing and never fire; it is refused at its line with the nearest
 * valid names instead.
 */
public final class RuleNames {

    /** Which fields of which facts hold a name, and what the name is. */
    private enum Field {
        TABLE("表", "table"), ROW("行", "row"), COLUMN("列", "column"), KIND("表述", "kind"),
        SUBJECT("文字中的数字", "subject"), UNSURE("第五部分内容", "kind"), ORGAN("机关种类", "kind"),
        DUTY("机关的义务", "duties");

        final String label;
        final String field;

        Field(String label, String field) {
            this.label = label;
            this.field = field;
        }
    }

    private static final Map<String, Map<String, Field>> FIELDS = Map.ofEntries(
            Map.entry("TableCell", Map.of("table", Field.TABLE, "row", Field.ROW, "column", Field.COLUMN)),
            Map.entry("TableRow", Map.of("table", Field.TABLE, "row", Field.ROW)),
            Map.entry("TableColumn", Map.of("table", Field.TABLE, "column", Field.COLUMN)),
            Map.entry("ExpectedRow", Map.of("table", Field.TABLE, "row", Field.ROW)),
            Map.entry("ExpectedColumn", Map.of("table", Field.TABLE, "column", Field.COLUMN)),
            Map.entry("ExtractionNote", Map.of("table", Field.TABLE, "row", Field.ROW)),
            Map.entry("CutOff", Map.of("table", Field.TABLE, "lastRow", Field.ROW)),
            Map.entry("Statement", Map.of("kind", Field.KIND)),
            Map.entry("NarrativeClaim", Map.of("subject", Field.SUBJECT)),
            Map.entry("NarrativeUnsure", Map.of("kind", Field.UNSURE)),
            Map.entry("Organ", Map.of("kind", Field.ORGAN, "duties", Field.DUTY)));

    /** What the names given to {@code value(…)}, {@code cell(…)} and {@code sumOf(…)} of a row or a column are. */
    private static final Map<String, Field> ARGUMENTS = Map.of("TableRow", Field.COLUMN, "TableColumn", Field.ROW);
    private static final java.util.regex.Pattern NAMED_CALL =
            java.util.regex.Pattern.compile("(?<![.\\w$])(value|cell|sumOf)\\s*\\(([^()]*)\\)"); // the pattern's own, not $other.value(…)
    private static final java.util.regex.Pattern TEXT = java.util.regex.Pattern.compile("\"([^\"]*)\"");

    private final List<String> statementKinds;
    private final List<String> organKinds;
    private final List<String> duties;

    /**
     * @param statementKinds the kinds {@code statements.yaml} defines; null when it could not be read (not checked)
     * @param organs         the organ table; null when it could not be read (its names are not checked)
     */
    public RuleNames(Collection<String> statementKinds, org.nianbao.extraction.OrganCatalog organs) {
        this.statementKinds = statementKinds == null ? null : List.copyOf(statementKinds);
        if (organs == null) {
            this.organKinds = null;
            this.duties = null;
        } else {
            List<String> kinds = new ArrayList<>(organs.kinds().stream().map(k -> k.kind()).toList());
            kinds.add(org.nianbao.extraction.OrganCatalog.UNKNOWN);
            this.organKinds = List.copyOf(kinds);
            this.duties = organs.duties().stream().map(d -> d.id()).toList();
        }
    }

    /** Every comparison of a name field with a text that is not a valid name, as a problem with a suggestion. */
    public List<RuleProblem> check(String file, PackageDescr pkg) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleDescr rule : pkg.getRules()) {
            if (rule.getLhs() != null) {
                lhs(file, rule.getLhs(), problems);
            }
        }
        return problems;
    }

    private void lhs(String file, BaseDescr descr, List<RuleProblem> problems) {
        if (descr instanceof PatternDescr p) {
            pattern(file, p, problems);
            if (p.getSource() instanceof AccumulateDescr acc && acc.getInput() != null) {
                lhs(file, acc.getInput(), problems);
            } else if (p.getSource() instanceof FromDescr) {
                return;
            }
        } else if (descr instanceof ConditionalElementDescr ce) {
            for (Object child : ce.getDescrs()) {
                if (child instanceof BaseDescr b) {
                    lhs(file, b, problems);
                }
            }
        }
    }

    /** The name comparisons of one pattern; its own {@code table == "3"} narrows the rows and columns to that table's. */
    private void pattern(String file, PatternDescr p, List<RuleProblem> problems) {
        String type = p.getObjectType() == null ? "" : p.getObjectType().substring(p.getObjectType().lastIndexOf('.') + 1);
        Map<String, Field> fields = FIELDS.get(type);
        if (fields == null || p.getConstraint() == null) {
            return;
        }
        List<Comparison> comparisons = new ArrayList<>();
        for (BaseDescr d : p.getConstraint().getDescrs()) {
            if (d instanceof ExprConstraintDescr c) {
                int line = c.getLine() > 0 ? c.getLine() : p.getLine();
                DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(LanguageLevelOption.DRL6);
                ConstraintConnectiveDescr parsed = parser.parse(c.getExpression());
                if (!parser.hasErrors() && parsed != null) {
                    collect(parsed, line, comparisons);
                }
                Field argument = ARGUMENTS.get(type);
                if (argument != null) {
                    // 「value("total")」「sumOf("upheld", "corrected")」: each name given is a column of the row (a row of the column)
                    java.util.regex.Matcher call = NAMED_CALL.matcher(c.getExpression());
                    while (call.find()) {
                        java.util.regex.Matcher text = TEXT.matcher(call.group(2));
                        while (text.find()) {
                            comparisons.add(new Comparison(argument.field, text.group(1), line, call.group(1)));
                        }
                    }
                }
            }
        }
        String table = comparisons.stream().filter(c -> c.field.equals("table")).map(c -> c.value)
                .filter(FactNames.tables()::contains).findFirst().orElse(null);
        for (Comparison c : comparisons) {
            Field field = c.call != null ? ARGUMENTS.get(type) : fields.get(c.field);
            if (field == null) {
                continue;
            }
            List<String> valid = valid(field, table);
            if (valid != null && !valid.contains(c.value)) {
                problems.add(new RuleProblem(file, c.line, message(type, field, c, table, valid)));
            }
        }
    }

    private List<String> valid(Field field, String table) {
        return switch (field) {
            case TABLE -> FactNames.tables();
            case ROW -> table != null ? FactNames.rows(table)
                    : FactNames.tables().stream().flatMap(t -> FactNames.rows(t).stream()).distinct().toList();
            case COLUMN -> table != null ? FactNames.columns(table)
                    : FactNames.tables().stream().flatMap(t -> FactNames.columns(t).stream()).distinct().toList();
            case KIND -> statementKinds;
            case SUBJECT -> FactNames.claimSubjects();
            case UNSURE -> FactNames.unsureKinds();
            case ORGAN -> organKinds;
            case DUTY -> duties;
        };
    }

    private static String message(String type, Field field, Comparison c, String table, List<String> valid) {
        String where = table != null && (field == Field.ROW || field == Field.COLUMN) ? "表" + table + "没有" : "没有";
        List<String> near = nearest(c.value, valid);
        List<String> shown = valid;
        if (table != null && (field == Field.ROW || field == Field.COLUMN)) {
            // with what the format prints for each, so that a label written in Chinese finds its name
            shown = valid.stream().map(v -> v + "（" + (field == Field.ROW ? FactNames.rowLabel(table, v)
                    : FactNames.columnLabel(table, v)) + "）").toList();
        }
        String hint = near.isEmpty()
                ? "可用的名称：" + String.join("、", shown.size() > 30 ? shown.subList(0, 30) : shown) + (shown.size() > 30 ? "…" : "")
                : "是不是「" + String.join("」或「", near) + "」？";
        return "%s(%s)：%s名为「%s」的%s，这个条件永远不会成立。%s (unknown %s \"%s\"%s)".formatted(
                type, c.written(), where, c.value, field.label, hint, field.field, c.value,
                near.isEmpty() ? "" : " — did you mean " + near.get(0) + "?");
    }

    /** The valid names closest to {@code name} by edit distance, when close enough to be a typo. */
    public static List<String> nearest(String name, List<String> valid) {
        int limit = Math.max(2, name.length() / 3);
        Map<String, Integer> distance = new LinkedHashMap<>();
        for (String v : valid) {
            distance.put(v, editDistance(name.toLowerCase(), v.toLowerCase()));
        }
        int best = distance.values().stream().min(Integer::compare).orElse(Integer.MAX_VALUE);
        if (best > limit) {
            return List.of();
        }
        return distance.entrySet().stream().filter(e -> e.getValue() == best).map(Map.Entry::getKey)
                .sorted(Comparator.naturalOrder()).limit(3).toList();
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** {@code field == "name"} (also each value of {@code field in ("a", "b")}), with its line. */
    private record Comparison(String field, String value, int line, String call) {
        Comparison(String field, String value, int line) {
            this(field, value, line, null);
        }

        /** As the rule writes it: {@code row == "x"}, {@code duties contains "x"}, or {@code value("x")}. */
        String written() {
            return call != null ? call + "(\"" + value + "\")"
                    : field + (field.equals("duties") ? " contains \"" : " == \"") + value + "\"";
        }
    }

    private static void collect(BaseDescr d, int line, List<Comparison> out) {
        if (d instanceof RelationalExprDescr r) {
            if (r.getLeft() instanceof AtomicExprDescr left && !left.isLiteral()
                    && r.getRight() instanceof AtomicExprDescr right && right.isLiteral()
                    && List.of("==", "!=", "contains", "not contains").contains(r.getOperator())) {
                String value = right.getExpression().strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    out.add(new Comparison(left.getExpression().strip(), value.substring(1, value.length() - 1), line));
                }
            } else {
                collect(r.getLeft(), line, out);
                collect(r.getRight(), line, out);
            }
        } else if (d instanceof ConstraintConnectiveDescr c) {
            for (BaseDescr child : c.getDescrs()) {
                collect(child, line, out);
            }
        }
    }
}
