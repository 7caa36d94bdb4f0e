package org.nianbao.rules;

import com.github.javaparser.ParseProblemException;
import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.VarType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.GroupByDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * The closed rule language: a rule may only read facts and record findings. Every rule file (a DSLR once expanded,
 * a decision table once turned into DRL) is parsed — the package by Drools' own parser, each condition by its
 * expression parser, each consequence and each expression by JavaParser — and checked against an allow-list before
 * anything is compiled: imports of the fact model and the rule helpers only; no {@code function}, {@code query},
 * {@code declare} or MVEL dialect; conditions over fact fields, literals, operators and the helpers; consequences
 * made of {@code findings.…} calls, local values, {@code if}, and arithmetic and string building. A refusal names the
 * file, the line and the construct.
 */
public final class RuleLanguage {

    /** Classes a rule may name: the fact model, the rule helpers, and a few value classes. */
    private static final Set<String> CLASSES = Set.of("Sums", "Organs", "Boilerplate", "Labels", "Texts", "Ordinals", "Math",
            "String", "Integer", "Long", "Double", "ChronoUnit", "List", "LocalDate");
    private static final Set<String> QUALIFIED = Set.of("org.nianbao.rules.Sums", "org.nianbao.rules.Organs", "org.nianbao.rules.Texts",
            "org.nianbao.rules.Boilerplate", "org.nianbao.rules.Labels", "org.nianbao.report.Ordinals",
            "java.util.List", "java.time.temporal.ChronoUnit", "java.time.LocalDate");
    private static final Set<String> IMPORTS = Set.of("org.nianbao.rules.Sums", "org.nianbao.rules.Organs", "org.nianbao.rules.Texts",
            "org.nianbao.rules.Boilerplate", "org.nianbao.rules.Labels", "java.time.temporal.ChronoUnit",
            "java.time.LocalDate");
    /** Static helper methods a rule may call without naming their class (import function / import static). */
    private static final Set<String> FUNCTIONS = Set.of("show", "rowLabel", "columnLabel", "cellName", "tableName");
    /** Methods no rule needs and through which code could reach the machine. */
    private static final Set<String> DENIED_METHODS = Set.of("getClass", "forName", "getMethod", "getMethods",
            "getDeclaredMethod", "getDeclaredMethods", "getDeclaredField", "getField", "invoke", "newInstance",
            "setAccessible", "getClassLoader", "loadClass", "exec", "exit", "halt", "getRuntime", "start", "wait",
            "notify", "notifyAll", "clone", "finalize", "getSecurityManager", "setProperty", "getProperty", "getenv",
            "load", "loadLibrary", "lookup", "insert", "insertLogical", "update", "modify", "retract", "delete",
            "getKieRuntime", "getKnowledgeRuntime", "getWorkingMemory", "getEntryPoint", "matches", "replaceAll",
            "replaceFirst", "split", "splitWithDelimiters", "repeat", "getDeclaringClass", "getInteger", "getLong",
            "getBoolean", "getContext", "getChannels", "getRule", "getMatch", "getTuple");

    private RuleLanguage() {
    }

    /** The constructs of {@code drl} (the text of {@code file}, DSL already expanded) that rules may not use. */
    public static List<RuleProblem> check(String file, String drl) {
        return check(file, drl, null);
    }

    /** As {@link #check(String, String)}, and every table, row, column or kind the rules name checked by {@code names}. */
    public static List<RuleProblem> check(String file, String drl, RuleNames names) {
        return parseAndCheck(file, drl, names).problems();
    }

    /** A rule file as Drools' parser reads it ({@code null} when it cannot be read), and what this language refuses in it. */
    record Checked(PackageDescr pkg, List<RuleProblem> problems) {
    }

    /** As {@link #check(String, String, RuleNames)}, keeping the parsed file: the compiler takes it as it is. */
    static Checked parseAndCheck(String file, String drl, RuleNames names) {
        try {
            return checked(file, drl, names);
        } finally {
            EXPRESSIONS.get().clear();
        }
    }

    private static Checked checked(String file, String drl, RuleNames names) {
        RuleText.Read text = RuleText.read(file, drl);
        List<RuleProblem> problems = new ArrayList<>(text.problems());
        if (!text.parsable()) {
            return new Checked(null, problems);
        }
        List<RuleProblem> tooLong = RuleSections.tooLong(file, drl);
        if (!tooLong.isEmpty()) {
            problems.addAll(tooLong);
            return new Checked(null, problems);
        }
        PackageDescr pkg;
        try {
            DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
            pkg = parser.parse(false, drl);
            if (parser.hasErrors() || pkg == null) {
                // what cannot be parsed cannot be checked: refused as it is, and nothing is compiled
                for (var error : parser.getErrors()) {
                    int[] lines = error.getLines();
                    problems.add(new RuleProblem(file, lines != null && lines.length > 0 ? lines[0] : 0, error.getMessage().strip()));
                }
                if (problems.isEmpty()) {
                    problems.add(new RuleProblem(file, 0, "规则文件无法解析"));
                }
                return new Checked(null, problems);
            }
        } catch (DroolsParserException | RuntimeException | StackOverflowError e) {
            problems.add(new RuleProblem(file, 0, "规则文件无法解析：" + (e instanceof StackOverflowError
                    ? "嵌套过深" : e.getMessage())));
            return new Checked(null, problems);
        }
        try {
            checkPackage(file, drl, pkg, names, problems);
        } catch (StackOverflowError e) {
            problems.add(new RuleProblem(file, 0, "规则嵌套过深，无法核对"));
        }
        return new Checked(pkg, problems);
    }

    private static void checkPackage(String file, String drl, PackageDescr pkg, RuleNames names, List<RuleProblem> problems) {
        String[] source = drl.split("\\R", -1);
        for (ImportDescr i : pkg.getImports()) {
            String target = i.getTarget();
            if (!target.startsWith("org.nianbao.report.") && !IMPORTS.contains(target)) {
                problems.add(refuse(file, i.getLine(), "import " + target, "只能导入事实模型（org.nianbao.report）和规则辅助类"));
            }
        }
        for (var i : pkg.getFunctionImports()) {
            if (!i.getTarget().startsWith("org.nianbao.rules.Labels.")) {
                problems.add(refuse(file, i.getLine(), "import function " + i.getTarget(), "只能导入 org.nianbao.rules.Labels 的函数"));
            }
        }
        pkg.getFunctions().forEach(f -> problems.add(refuse(file, f.getLine(), "function " + f.getName(), "规则文件中不能定义函数")));
        pkg.getTypeDeclarations().forEach(d -> problems.add(refuse(file, d.getLine(), "declare " + d.getTypeName(), "规则文件中不能声明类型")));
        pkg.getEnumDeclarations().forEach(d -> problems.add(refuse(file, d.getLine(), "declare enum " + d.getTypeName(), "规则文件中不能声明类型")));
        pkg.getEntryPointDeclarations().forEach(d -> problems.add(refuse(file, d.getLine(), "declare entry-point", "规则文件中不能声明入口")));
        pkg.getWindowDeclarations().forEach(d -> problems.add(refuse(file, d.getLine(), "declare window", "规则文件中不能声明窗口")));
        for (GlobalDescr g : pkg.getGlobals()) {
            if (!g.getIdentifier().equals("findings") || !g.getType().equals("org.nianbao.rules.Findings")) {
                problems.add(refuse(file, g.getLine(), "global " + g.getType() + " " + g.getIdentifier(),
                        "只允许 global org.nianbao.rules.Findings findings"));
            }
        }
        pkg.getAccumulateImports().forEach(a -> problems.add(refuse(file, a.getLine(), "import accumulate " + a.getTarget(),
                "只能使用内置的汇总函数")));
        if (pkg.getUnit() != null) {
            problems.add(refuse(file, pkg.getUnit().getLine(), "unit " + pkg.getUnit().getTarget(), "规则文件中不能声明规则单元"));
        }
        pkg.getAttributes().forEach(a -> checkAttribute(file, a.getName(), a.getValue(), a.getLine(), problems));
        for (RuleDescr rule : pkg.getRules()) {
            if (rule.isQuery()) {
                problems.add(refuse(file, rule.getLine(), "query " + rule.getName(), "规则文件中不能定义查询"));
                continue;
            }
            if (rule.getParentName() != null) {
                problems.add(refuse(file, rule.getLine(), "extends " + rule.getParentName(), "规则不能继承另一条规则"));
            }
            if (rule.getUnit() != null) {
                problems.add(refuse(file, rule.getLine(), "unit", "规则文件中不能使用规则单元"));
            }
            if (rule.getNamedConsequences() != null && !rule.getNamedConsequences().isEmpty()) {
                problems.add(refuse(file, rule.getLine(), "then[" + String.join(", ", rule.getNamedConsequences().keySet()) + "]",
                        "规则只能有一个结论部分，不能使用命名结论"));
            }
            rule.getAttributes().values().forEach(a -> checkAttribute(file, a.getName(), a.getValue(), a.getLine(), problems));
            if (rule.getLhs() != null) {
                lhs(file, rule.getLhs(), problems);
                int patterns = patterns(rule.getLhs());
                if (patterns > MOST_PATTERNS) {
                    problems.add(refuse(file, rule.getLine(), "rule \"" + rule.getName() + "\"",
                            "一条规则最多 %d 个条件（事实匹配），这条有 %d 个：请拆成几条规则".formatted(MOST_PATTERNS, patterns)));
                }
            }
            Object then = rule.getConsequence();
            if (then != null && then.toString().lines().count() > MOST_CONSEQUENCE_LINES) {
                problems.add(refuse(file, rule.getLine(), "then …", "结论部分最多 %d 行".formatted(MOST_CONSEQUENCE_LINES)));
            }
            consequence(file, rule, source, problems);
        }
        if (names != null) {
            problems.addAll(names.check(file, pkg));
        }
    }

    /** Attributes a rule may carry, each with a plain value: no attribute holds an expression to evaluate. */
    private static final Set<String> ATTRIBUTES = Set.of("salience", "no-loop", "lock-on-active", "agenda-group",
            "activation-group", "ruleflow-group", "auto-focus", "enabled", "date-effective", "date-expires", "dialect");

    private static void checkAttribute(String file, String name, String value, int line, List<RuleProblem> problems) {
        if (!ATTRIBUTES.contains(name)) {
            problems.add(refuse(file, line, name, "规则不能使用这个属性"));
            return;
        }
        String v = value == null ? "" : value.strip();
        if (name.equals("dialect") && !v.replace("\"", "").strip().equals("java")) {
            problems.add(refuse(file, line, "dialect " + value, "只能使用默认的 java 方言"));
        } else if (name.equals("salience") && !v.matches("-?\\d{1,9}")) {
            problems.add(refuse(file, line, "salience " + value, "优先级只能写整数"));
        } else if (Set.of("no-loop", "lock-on-active", "auto-focus", "enabled").contains(name)
                && !v.isEmpty() && !v.equals("true") && !v.equals("false")) {
            problems.add(refuse(file, line, name + " " + value, "只能写 true 或 false"));
        } else if (v.contains("(") || v.contains("$")) {
            problems.add(refuse(file, line, name + " " + value, "属性只能写固定的值"));
        }
    }

    // ---- conditions ------------------------------------------------------------------------------------

    /**
     * The most facts a rule may match together (its patterns, nested ones included): what the engine joins grows with
     * their product, and a rule session must stay within its time budget.
     */
    static final int MOST_PATTERNS = 10;
    static final int MOST_CONSEQUENCE_LINES = 60;

    private static int patterns(BaseDescr descr) {
        int n = 0;
        if (descr instanceof PatternDescr p) {
            n++;
            if (p.getSource() instanceof AccumulateDescr acc && acc.getInput() != null) {
                n += patterns(acc.getInput());
            } else if (p.getSource() instanceof CollectDescr c && c.getInputPattern() != null) {
                n += patterns(c.getInputPattern());
            }
        } else if (descr instanceof ConditionalElementDescr ce) {
            for (Object child : ce.getDescrs()) {
                if (child instanceof BaseDescr b) {
                    n += patterns(b);
                }
            }
        }
        return n;
    }

    /** Accumulate functions a rule may call. */
    private static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("sum", "count", "min", "max", "average",
            "collectList", "collectSet");

    /**
     * A condition, walked into everywhere it can nest; what is not one of the kinds below — named consequences
     * ({@code do[…]}), conditional branches, entry points, windows, sliding behaviours, queries — is refused.
     */
    private static void lhs(String file, BaseDescr descr, List<RuleProblem> problems) {
        int line = Math.max(descr.getLine(), 0);
        if (descr instanceof PatternDescr p) {
            pattern(file, p, problems);
        } else if (descr instanceof EvalDescr e) {
            expression(file, line, e.getContent() == null ? null : e.getContent().toString(), problems);
        } else if (descr instanceof AndDescr || descr instanceof OrDescr || descr instanceof NotDescr
                || descr instanceof ExistsDescr || descr instanceof ForallDescr) {
            for (Object child : ((ConditionalElementDescr) descr).getDescrs()) {
                if (child instanceof BaseDescr b) {
                    lhs(file, b, problems);
                } else {
                    problems.add(refuse(file, line, String.valueOf(child), "条件中有规则语言不认识的写法"));
                }
            }
        } else if (descr instanceof AccumulateDescr acc) {
            accumulate(file, line, acc, problems);
        } else {
            problems.add(refuse(file, line, descr.getText() == null ? descr.getClass().getSimpleName() : descr.getText(),
                    "条件中不能使用「" + kind(descr) + "」"));
        }
    }

    private static String kind(BaseDescr descr) {
        return descr.getClass().getSimpleName().replace("Descr", "");
    }

    private static void pattern(String file, PatternDescr p, List<RuleProblem> problems) {
        int line = Math.max(p.getLine(), 0);
        String type = p.getObjectType();
        if (type != null && type.contains(".") && !type.startsWith("org.nianbao.report.")) {
            problems.add(refuse(file, line, type + "()", "条件只能匹配事实模型中的事实"));
        }
        if (p.isQuery()) {
            problems.add(refuse(file, line, type + "()", "条件中不能调用查询"));
        }
        if (p.getBehaviors() != null && !p.getBehaviors().isEmpty()) {
            problems.add(refuse(file, line, type + "() over …", "条件中不能使用滑动窗口"));
        }
        for (BaseDescr c : p.getDescrs()) {
            if (c instanceof ExprConstraintDescr e) {
                constraint(file, e.getLine() > 0 ? e.getLine() : line, e.getExpression(), problems);
            } else {
                problems.add(refuse(file, line, String.valueOf(c.getText()), "条件中有规则语言不认识的写法"));
            }
        }
        PatternSourceDescr source = p.getSource();
        if (source == null) {
            return;
        }
        if (source instanceof FromDescr from) {
            expression(file, from.getLine() > 0 ? from.getLine() : line,
                    from.getDataSource() == null ? null : from.getDataSource().getText(), problems);
        } else if (source instanceof CollectDescr collect) {
            if (collect.getInputPattern() != null) {
                pattern(file, collect.getInputPattern(), problems);
            }
        } else if (source instanceof AccumulateDescr acc) {
            accumulate(file, line, acc, problems);
        } else {
            problems.add(refuse(file, line, String.valueOf(source.getText()), "条件的来源只能是 from、collect 或 accumulate，不能使用「"
                    + kind(source) + "」"));
        }
    }

    private static void accumulate(String file, int line, AccumulateDescr acc, List<RuleProblem> problems) {
        if (acc.getInput() != null) {
            lhs(file, acc.getInput(), problems);
        }
        if (acc instanceof GroupByDescr group) {
            expression(file, line, group.getGroupingKey(), problems);
            if (group.getGroupingFunction() != null && !group.getGroupingFunction().isBlank()) {
                expression(file, line, group.getGroupingFunction(), problems);
            }
        }
        if (!acc.isExternalFunction()) {
            problems.add(refuse(file, line, "accumulate( init/action/result )", "只能使用 sum、count 等汇总函数，不能写代码"));
            return;
        }
        for (AccumulateDescr.AccumulateFunctionCallDescr f : acc.getFunctions()) {
            if (!ACCUMULATE_FUNCTIONS.contains(f.getFunction())) {
                problems.add(refuse(file, line, "accumulate " + f.getFunction(), "只能使用 sum、count、min、max、average 等汇总函数"));
            }
            for (String param : f.getParams()) {
                expression(file, line, param, problems);
            }
        }
    }

    /** A pattern's constraint, split by Drools' expression parser into relations and atoms; each atom checked. */
    private static void constraint(String file, int line, String text, List<RuleProblem> problems) {
        DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(LanguageLevelOption.DRL6);
        ConstraintConnectiveDescr parsed = parser.parse(text);
        if (parser.hasErrors() || parsed == null) {
            problems.add(refuse(file, line, text, "条件中有规则语言不认识的写法"));
            return;
        }
        atoms(file, line, parsed, problems);
        // a constraint that is also a Java expression is read whole as well: the expression parser above drops what it
        // does not know (the branches of 「a ? b : c」), and nothing dropped may go unread
        Expression whole = null;
        try {
            whole = parsed(java().parseExpression(text.strip()));
        } catch (ParseProblemException e) {
            // DRL's own forms (bindings, 「in」, 「contains」): its parts were read above
        }
        if (whole != null) {
            walk(file, line, whole, null, problems);
        }
    }

    /** Comparisons a condition may make; {@code matches} (a backtracking regular expression) and the rest are refused. */
    private static final Set<String> OPERATORS = Set.of("==", "!=", "<", ">", "<=", ">=", "contains", "memberOf",
            "excludes", "str");

    private static void atoms(String file, int line, BaseDescr d, List<RuleProblem> problems) {
        if (d instanceof AtomicExprDescr a) {
            if (!a.isLiteral()) {
                expression(file, line, a.getExpression(), problems);
            }
        } else if (d instanceof BindingDescr b) {
            expression(file, line, b.getExpression(), problems);
        } else if (d instanceof RelationalExprDescr r) {
            String op = r.getOperator();
            if (!OPERATORS.contains(op)) {
                problems.add(refuse(file, line, r.getExpression() == null ? op : r.getExpression(),
                        op.equals("matches") ? "不能使用 matches（正则表达式请用 Texts.matches）" : "条件中不能使用运算符 " + op));
            } else if (op.equals("str") && (r.getParameters() == null || r.getParameters().isEmpty()
                    || !Set.of("startsWith", "endsWith", "length").containsAll(r.getParameters()))) {
                problems.add(refuse(file, line, "str" + r.getParametersText(), "str 只能用 startsWith、endsWith 或 length"));
            }
            atoms(file, line, r.getLeft(), problems);
            atoms(file, line, r.getRight(), problems);
        } else if (d instanceof ConstraintConnectiveDescr c) {
            for (BaseDescr child : c.getDescrs()) {
                atoms(file, line, child, problems);
            }
        } else {
            problems.add(refuse(file, line, String.valueOf(d.getText()), "条件中有规则语言不认识的写法"));
        }
    }

    private static void expression(String file, int line, String text, List<RuleProblem> problems) {
        if (text == null || text.isBlank()) {
            return;
        }
        String t = text.strip();
        if (t.startsWith("(") && t.endsWith(")") && t.contains(",")) {
            // the value list of 「in ( … )」: each value on its own
            for (String part : t.substring(1, t.length() - 1).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
                expression(file, line, part, problems);
            }
            return;
        }
        Expression e;
        try {
            e = EXPRESSIONS.get().get(t);
            if (e == null) {
                e = parsed(java().parseExpression(t));
                EXPRESSIONS.get().put(t, e);
            }
        } catch (ParseProblemException ex) {
            problems.add(refuse(file, line, t, "条件中有规则语言不认识的写法"));
            return;
        }
        walk(file, line, e, null, problems);
    }

    /**
     * Java as this check reads it: the syntax alone. The language level's validators are left out (the allow-list
     * below is stricter than any of them, and the compiler checks the rest), and so are the tokens kept for printing
     * the source back; each thread has its own parser.
     */
    private static final ThreadLocal<JavaParser> JAVA = ThreadLocal.withInitial(() -> new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.RAW).setStoreTokens(false)
                    .setAttributeComments(false)));
    /** The expressions of the file being checked, each parsed once: a file names 「table」 or 「row」 a hundred times. */
    private static final ThreadLocal<java.util.Map<String, Expression>> EXPRESSIONS =
            ThreadLocal.withInitial(java.util.HashMap::new);

    private static JavaParser java() {
        return JAVA.get();
    }

    private static <T extends Node> T parsed(ParseResult<T> result) {
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            throw new ParseProblemException(result.getProblems());
        }
        return result.getResult().get();
    }

    // ---- consequences ----------------------------------------------------------------------------------

    private static void consequence(String file, RuleDescr rule, String[] source, List<RuleProblem> problems) {
        Object text = rule.getConsequence();
        if (text == null || text.toString().isBlank()) {
            return;
        }
        // the line before the consequence's first line: 「then」, found in the file itself
        int line = rule.getConsequenceLine() > 0 ? rule.getConsequenceLine() : rule.getLine();
        String first = text.toString().strip().lines().findFirst().orElse("").strip();
        for (int i = Math.max(0, rule.getLine() - 1); i < source.length && !first.isEmpty(); i++) {
            if (source[i].contains(first)) {
                line = i; // 1-based line i + 1 holds the first statement; statements count from there
                break;
            }
        }

        BlockStmt block;
        try {
            block = parsed(java().parseBlock("{" + text + "\n}"));
        } catch (ParseProblemException ex) {
            problems.add(refuse(file, line, "then …", "结论部分有规则语言不认识的写法"));
            return;
        }
        java.util.Set<String> locals = new java.util.HashSet<>();
        int offset = block.getStatements().isEmpty() ? 0
                : block.getStatements().get(0).getBegin().map(p -> p.line - 1).orElse(0);
        for (Statement s : block.getStatements()) {
            statement(file, line - offset + 1, s, locals, problems);
        }
    }

    private static void statement(String file, int base, Statement s, Set<String> locals, List<RuleProblem> problems) {
        int line = base + s.getBegin().map(p -> p.line - 1).orElse(0);
        if (s instanceof ExpressionStmt es) {
            Expression e = es.getExpression();
            if (e instanceof VariableDeclarationExpr v) {
                for (VariableDeclarator d : v.getVariables()) {
                    if (!valueType(d.getType())) {
                        problems.add(refuse(file, line, d.getType() + " " + d.getName(), "结论中只能定义数值、文字和日期等局部值"));
                    }
                    d.getInitializer().ifPresent(init -> walk(file, line, init, locals, problems));
                    locals.add(d.getNameAsString());
                }
            } else if (e instanceof AssignExpr a && a.getTarget() instanceof NameExpr n && locals.contains(n.getNameAsString())) {
                walk(file, line, a.getValue(), locals, problems);
            } else if (e instanceof MethodCallExpr m) {
                walk(file, line, m, locals, problems);
            } else {
                problems.add(refuse(file, line, e.toString(), "结论中只能记录问题（findings.…）和计算局部值"));
            }
        } else if (s instanceof IfStmt i) {
            walk(file, line, i.getCondition(), locals, problems);
            statement(file, base, i.getThenStmt(), locals, problems);
            i.getElseStmt().ifPresent(e -> statement(file, base, e, locals, problems));
        } else if (s instanceof BlockStmt b) {
            for (Statement inner : b.getStatements()) {
                statement(file, base, inner, locals, problems);
            }
        } else {
            String kind = s.getClass().getSimpleName().replace("Stmt", "").toLowerCase(java.util.Locale.ROOT);
            problems.add(refuse(file, line, kind, "结论中不能使用循环、异常、同步等语句"));
        }
    }

    private static boolean valueType(Type t) {
        if (t instanceof PrimitiveType || t instanceof VarType) {
            return true;
        }
        if (t instanceof ArrayType a) {
            return valueType(a.getComponentType());
        }
        return t instanceof ClassOrInterfaceType c
                && Set.of("String", "Double", "Integer", "Long", "Boolean", "LocalDate", "TableCell").contains(c.getNameAsString());
    }

    // ---- expressions (both sides) ----------------------------------------------------------------------

    /** Checks an expression; {@code locals} holds a consequence's local names, and is null in a condition. */
    private static void walk(String file, int line, Node node, Set<String> locals, List<RuleProblem> problems) {
        if (node instanceof LiteralExpr || node instanceof SimpleName) {
            return;
        }
        if (node instanceof NameExpr n) {
            String name = n.getNameAsString();
            if (Character.isUpperCase(name.charAt(0)) && !CLASSES.contains(name)) {
                problems.add(refuse(file, line, name, "规则中不能使用类 " + name));
            }
            return;
        }
        if (node instanceof MethodCallExpr m) {
            String name = m.getNameAsString();
            if (DENIED_METHODS.contains(name)) {
                problems.add(refuse(file, line, m.toString(), "规则中不能调用 " + name + "()"));
                return;
            }
            if (m.getScope().isEmpty()) {
                // in a condition, a call without a scope is the fact's own method (「isDash()」); in a consequence, a helper
                if (locals != null && !FUNCTIONS.contains(name)) {
                    problems.add(refuse(file, line, m.toString(), "规则中不能调用函数 " + name + "()"));
                }
            } else {
                Expression scope = m.getScope().get();
                if (scope instanceof FieldAccessExpr f && !QUALIFIED.contains(f.toString()) && isPackagePath(f)) {
                    problems.add(refuse(file, line, m.toString(), "规则中不能使用类 " + f));
                    return;
                }
                if (!(scope instanceof FieldAccessExpr f2 && QUALIFIED.contains(f2.toString()))) {
                    walk(file, line, scope, locals, problems);
                }
            }
            m.getArguments().forEach(a -> walk(file, line, a, locals, problems));
            return;
        }
        if (node instanceof FieldAccessExpr f) {
            if (QUALIFIED.contains(f.toString()) || f.toString().equals("ChronoUnit.DAYS")) {
                return;
            }
            if (isPackagePath(f)) {
                problems.add(refuse(file, line, f.toString(), "规则中不能使用类 " + f));
                return;
            }
            walk(file, line, f.getScope(), locals, problems);
            return;
        }
        if (node instanceof BinaryExpr || node instanceof UnaryExpr || node instanceof ConditionalExpr
                || node instanceof EnclosedExpr || node instanceof ArrayAccessExpr || node instanceof ArrayInitializerExpr) {
            node.getChildNodes().forEach(c -> walk(file, line, c, locals, problems));
            return;
        }
        if (node instanceof CastExpr c) {
            if (!valueType(c.getType())) {
                problems.add(refuse(file, line, c.toString(), "只能转换为数值或文字类型"));
            }
            walk(file, line, c.getExpression(), locals, problems);
            return;
        }
        if (node instanceof ArrayCreationExpr a) {
            if (!valueType(a.getElementType())) {
                problems.add(refuse(file, line, a.toString(), "只能建立数值或文字的数组"));
            }
            a.getChildNodes().forEach(c -> walk(file, line, c, locals, problems));
            return;
        }
        if (node instanceof ArrayType || node instanceof PrimitiveType || node instanceof ClassOrInterfaceType
                || node instanceof com.github.javaparser.ast.ArrayCreationLevel) {
            node.getChildNodes().forEach(c -> walk(file, line, c, locals, problems));
            return;
        }
        // new objects, lambdas, method references, assignments inside expressions, switch, instanceof, class literals …
        problems.add(refuse(file, line, node.toString(), "规则语言不允许 " + node.getClass().getSimpleName().replace("Expr", "")));
    }

    /** {@code java.lang.Runtime}, {@code java.nio.file.Files}: a name that starts in lower case and goes on to a class. */
    private static boolean isPackagePath(FieldAccessExpr f) {
        Expression root = f;
        while (root instanceof FieldAccessExpr fa) {
            root = fa.getScope();
        }
        return root instanceof NameExpr n && Character.isLowerCase(n.getNameAsString().charAt(0))
                && !n.getNameAsString().startsWith("$") && Character.isUpperCase(f.getNameAsString().charAt(0));
    }

    private static RuleProblem refuse(String file, int line, String construct, String why) {
        String shown = construct.length() > 80 ? construct.substring(0, 80) + "…" : construct;
        return new RuleProblem(file, line, "规则语言不允许「" + shown.replace('\n', ' ') + "」：" + why);
    }
}
