package org.nianbao.rules;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.mvel.MVELDialectRuntimeData;
import org.drools.mvel.expr.MVELCompilationUnit;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.mvel2.MVEL;
import org.mvel2.ParserContext;
import org.mvel2.ast.ASTNode;
import org.mvel2.ast.BinaryOperation;
import org.mvel2.ast.BooleanNode;
import org.mvel2.ast.Contains;
import org.mvel2.ast.EndOfStatement;
import org.mvel2.ast.LiteralNode;
import org.mvel2.ast.Negation;
import org.mvel2.ast.Substatement;
import org.mvel2.compiler.AbstractParser;
import org.mvel2.compiler.CompiledExpression;
import org.mvel2.compiler.ExecutableAccessor;
import org.mvel2.compiler.ExecutableLiteral;
import org.mvel2.compiler.PropertyVerifier;

/**
 * The second wall for the conditions of rules, which the engine evaluates with MVEL: every expression of a built rule
 * base is compiled as the engine compiles it and read as MVEL reads it — kinds of expression on an allow-list
 * (comparisons, arithmetic, boolean logic, reading facts and calling the helpers), and every step of every chain of
 * calls typed by MVEL's own compiler: each step's class and member must be usable by rules ({@link RuleClasses}), and
 * so must what it gives. No regular expressions, loops, assignments, functions or new objects of other classes; no
 * way to an object's class and from there anywhere. MVEL's built-in names of machine classes ({@code Runtime},
 * {@code System}, {@code Thread}, {@code Class} …) are taken out of its vocabulary for good.
 */
final class RuleMvel {

    private static final Field NODE_CONTEXT = field(ASTNode.class, "pCtx");
    /** Kinds of MVEL expression node a rule may consist of; every other kind is refused. */
    private static final Set<Class<?>> NODES = Set.of(ASTNode.class, LiteralNode.class, EndOfStatement.class,
            BinaryOperation.class, org.mvel2.ast.And.class, org.mvel2.ast.Or.class, Negation.class, Substatement.class,
            Contains.class, org.mvel2.ast.IntAdd.class, org.mvel2.ast.IntSub.class, org.mvel2.ast.IntMult.class,
            org.mvel2.ast.IntDiv.class, org.mvel2.ast.Sign.class);

    static {
        // names MVEL resolves without any class loader: only those of usable classes stay
        forgetMachineClasses(AbstractParser.CLASS_LITERALS);
        forgetMachineClasses(AbstractParser.LITERALS);
    }

    private RuleMvel() {
    }

    private static void forgetMachineClasses(Map<String, Object> names) {
        synchronized (names) {
            names.values().removeIf(v -> v instanceof Class<?> c && !RuleClasses.usable(c));
        }
    }

    /** Makes sure MVEL's vocabulary is without the machine's classes (done once, when this class is first used). */
    static void install() {
        // the static initialiser above does the work
    }

    /** What the MVEL expressions of these packages' rules reach that rules may not, as {@code rule: what}. */
    static List<String> check(Collection<? extends KiePackage> packages) {
        List<String> problems = new ArrayList<>();
        for (KiePackage p : packages) {
            if (!(p instanceof InternalKnowledgePackage pkg)) {
                continue;
            }
            MVELDialectRuntimeData data = pkg.getDialectRuntimeRegistry() == null ? null
                    : (MVELDialectRuntimeData) pkg.getDialectRuntimeRegistry().getDialectData("mvel");
            for (Rule rule : pkg.getRules()) {
                List<MVELCompilationUnit> units = new ArrayList<>();
                collect(rule, units, new IdentityHashMap<>(), 0);
                for (MVELCompilationUnit unit : units) {
                    String what = checkUnit(unit, data);
                    if (what != null) {
                        problems.add(rule.getName() + ": " + what);
                    }
                }
            }
        }
        return problems;
    }

    /** The MVEL expressions of a rule, wherever the engine keeps them (constraints, sources, accumulates, evals …). */
    private static void collect(Object o, List<MVELCompilationUnit> units, IdentityHashMap<Object, Boolean> seen, int depth) {
        if (o == null || depth > 60 || seen.put(o, Boolean.TRUE) != null) {
            return;
        }
        if (o instanceof MVELCompilationUnit unit) {
            units.add(unit);
            return;
        }
        Class<?> type = o.getClass();
        if (type.isArray()) {
            if (!type.getComponentType().isPrimitive()) {
                for (Object e : (Object[]) o) {
                    collect(e, units, seen, depth + 1);
                }
            }
            return;
        }
        if (o instanceof Collection<?> c) {
            for (Object e : c.toArray()) {
                collect(e, units, seen, depth + 1);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            for (Object e : m.values().toArray()) {
                collect(e, units, seen, depth + 1);
            }
            return;
        }
        String name = type.getName();
        if (!name.startsWith("org.drools.") || o instanceof InternalKnowledgePackage
                || name.startsWith("org.drools.core.impl.") || name.startsWith("org.drools.kiesession.")) {
            return; // the engine's rule parts only: not the whole rule base through a back reference
        }
        for (Class<?> t = type; t != null && t != Object.class; t = t.getSuperclass()) {
            for (Field f : t.getDeclaredFields()) {
                if (java.lang.reflect.Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    Object value = f.get(o);
                    if (value instanceof RuleImpl && value != o && depth > 0) {
                        continue; // another rule (a parent, an extended rule): checked on its own
                    }
                    collect(value, units, seen, depth + 1);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // a field the engine keeps to itself and that cannot be read holds no expression of ours
                }
            }
        }
    }

    private static String checkUnit(MVELCompilationUnit unit, MVELDialectRuntimeData data) {
        try {
            Object compiled = data == null ? unit.getCompiledExpression((org.mvel2.ParserConfiguration) null)
                    : unit.getCompiledExpression(data);
            return statement(compiled, 0);
        } catch (StackOverflowError e) {
            return "条件嵌套过深：「" + shown(unit.getExpression()) + "」";
        } catch (RuntimeException e) {
            return "条件无法核对：「" + shown(unit.getExpression()) + "」（" + e.getClass().getSimpleName() + "）";
        }
    }

    /** A compiled statement; null when every part of it is allowed, else what is not. */
    private static String statement(Object compiled, int depth) {
        if (depth > 40) {
            return "条件嵌套过深";
        }
        if (compiled == null || compiled instanceof ExecutableLiteral) {
            return null;
        }
        if (compiled instanceof ExecutableAccessor accessor) {
            return node(accessor.getNode(), depth);
        }
        if (compiled instanceof CompiledExpression expression) {
            for (ASTNode n = expression.getFirstNode(); n != null; n = n.nextASTNode) {
                String what = node(n, depth);
                if (what != null) {
                    return what;
                }
            }
            return null;
        }
        return "规则不能使用的表达式：" + compiled.getClass().getSimpleName();
    }

    private static String node(ASTNode n, int depth) {
        if (n == null) {
            return null;
        }
        if (!NODES.contains(n.getClass())) {
            return "规则不能使用的写法「" + shown(n.getName()) + "」（" + n.getClass().getSimpleName() + "）";
        }
        if (n instanceof BooleanNode b) {
            String left = node(b.getLeft(), depth + 1);
            return left != null ? left : node(b.getRight(), depth + 1);
        }
        if (n instanceof Negation neg) {
            return statement(neg.getStatement(), depth + 1);
        }
        if (n instanceof Substatement sub) {
            return statement(sub.getStatement(), depth + 1);
        }
        if (n instanceof org.mvel2.ast.Sign sign) {
            return statement(sign.getStatement(), depth + 1);
        }
        if (n instanceof Contains c) {
            String first = node(c.getFirstStatement(), depth + 1);
            return first != null ? first : node(c.getSecondStatement(), depth + 1);
        }
        if (n instanceof LiteralNode || n.isLiteral() || n instanceof EndOfStatement || n.isOperator()) {
            return literal(n.getLiteralValue());
        }
        if (n.isIdentifier()) {
            return chain(n.getName(), context(n), depth);
        }
        return "规则不能使用的写法「" + shown(n.getName()) + "」";
    }

    /** A literal value: text, numbers, truth, nothing — or a usable class named as a value. */
    private static String literal(Object value) {
        if (value instanceof Class<?> c && !RuleClasses.usable(c)) {
            return "规则不能使用类 " + c.getName();
        }
        return null;
    }

    private static ParserContext context(ASTNode n) {
        try {
            return (ParserContext) NODE_CONTEXT.get(n);
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    /**
     * A chain of names and calls ({@code $row.value("total")}, {@code Sums.differ(a, b)}), each step typed by MVEL's
     * compiler in the context the rule was compiled in: the class each step is on and the class it gives must be
     * usable, its name not denied, and the arguments of its calls allowed expressions themselves.
     */
    private static String chain(String text, ParserContext context, int depth) {
        if (context == null) {
            return "条件无法核对：「" + shown(text) + "」";
        }
        List<String> steps = steps(text);
        if (steps == null) {
            return "条件无法核对：「" + shown(text) + "」";
        }
        StringBuilder prefix = new StringBuilder();
        Class<?> owner = null;
        boolean ownerIsClass = false;
        boolean resolved = false;
        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i);
            if (i > 0) {
                prefix.append('.');
            }
            prefix.append(step);
            String name = memberName(step);
            if (resolved || i == steps.size() - 1) {
                if (name == null || !nameAllowed(owner, ownerIsClass, name)) {
                    return "规则不能调用「" + shown(step) + "」" + (owner == null ? "" : "（" + owner.getName() + "）");
                }
            }
            for (String inner : inside(step)) {
                for (String argument : arguments(inner)) {
                    String what = subExpression(argument, context, depth);
                    if (what != null) {
                        return what;
                    }
                }
            }
            PropertyVerifier verifier = new PropertyVerifier(prefix.toString(), context.createSubcontext());
            Class<?> type;
            try {
                type = verifier.analyze();
            } catch (RuntimeException e) {
                if (!resolved && i < steps.size() - 1) {
                    continue; // a package name on the way to a class ("java.util.List")
                }
                return "条件无法核对：「" + shown(prefix.toString()) + "」";
            }
            resolved = true;
            if (verifier.isClassLiteral() || verifier.isFqcn() && type == Class.class) {
                Class<?> named = verifier.getCtx() != null ? verifier.getCtx() : type;
                if (!RuleClasses.usable(named)) {
                    return "规则不能使用类 " + named.getName();
                }
                owner = named;
                ownerIsClass = true;
                continue;
            }
            if (type == null || !RuleClasses.usable(type)) {
                return "规则不能使用「" + shown(prefix.toString()) + "」得到的 " + (type == null ? "?" : type.getName());
            }
            owner = type;
            ownerIsClass = false;
        }
        return null;
    }

    private static boolean nameAllowed(Class<?> owner, boolean isClass, String name) {
        Set<String> names = Set.of(name, "get" + capitalised(name), "is" + capitalised(name));
        for (String n : names) {
            if (!RuleClasses.allowedMember("java.lang.Object", n)) {
                return false;
            }
            if (owner != null && !RuleClasses.allowedMember(owner.getName(), n)) {
                // a member the owner's class denies, or an owner that is not usable at all
                if (!RuleClasses.usable(owner) || deniedOn(owner, n)) {
                    return false;
                }
            }
        }
        return owner == null || RuleClasses.usable(owner) || isClass && RuleClasses.usable(owner);
    }

    private static boolean deniedOn(Class<?> owner, String member) {
        for (Class<?> t = owner; t != null; t = t.getSuperclass()) {
            if (RuleClasses.usable(t.getName()) && !RuleClasses.allowedMember(t.getName(), member)) {
                return true;
            }
        }
        return false;
    }

    private static String subExpression(String text, ParserContext context, int depth) {
        if (text.isBlank()) {
            return null;
        }
        Object compiled;
        try {
            compiled = MVEL.compileExpression(text, context.createSubcontext());
        } catch (RuntimeException e) {
            return "条件无法核对：「" + shown(text) + "」";
        }
        return statement(compiled, depth + 1);
    }

    private static String capitalised(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The name a step reads or calls ({@code value} of {@code value("total")}), null when it is not a plain name. */
    private static String memberName(String step) {
        String s = step.startsWith("?") ? step.substring(1) : step;
        int end = 0;
        while (end < s.length() && (Character.isJavaIdentifierPart(s.charAt(end)))) {
            end++;
        }
        if (end == 0 || !Character.isJavaIdentifierStart(s.charAt(0))) {
            return null;
        }
        String rest = s.substring(end).strip();
        return rest.isEmpty() || rest.startsWith("(") || rest.startsWith("[") ? s.substring(0, end) : null;
    }

    /** The chain's steps: split at the dots outside brackets and quotes; null when it is not a chain of steps. */
    static List<String> steps(String text) {
        List<String> steps = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
                if (depth < 0) {
                    return null;
                }
            } else if (c == '.' && depth == 0) {
                steps.add(text.substring(from, i).strip());
                from = i + 1;
            }
        }
        if (depth != 0 || quote != 0) {
            return null;
        }
        steps.add(text.substring(from).strip());
        return steps.stream().anyMatch(String::isEmpty) ? null : steps;
    }

    /** What a step holds in brackets: the arguments of its call, its index. */
    private static List<String> inside(String step) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int open = -1;
        for (int i = 0; i < step.length(); i++) {
            char c = step.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                if (depth++ == 0) {
                    open = i;
                }
            } else if ((c == ')' || c == ']' || c == '}') && --depth == 0) {
                parts.add(step.substring(open + 1, i));
            }
        }
        return parts;
    }

    /** The arguments of a call, split at the commas outside brackets and quotes. */
    private static List<String> arguments(String text) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(text.substring(from, i));
                from = i + 1;
            }
        }
        args.add(text.substring(from));
        return args;
    }

    private static String shown(String text) {
        if (text == null) {
            return "";
        }
        String t = text.replace('\n', ' ').strip();
        return t.length() > 80 ? t.substring(0, 80) + "…" : t;
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
