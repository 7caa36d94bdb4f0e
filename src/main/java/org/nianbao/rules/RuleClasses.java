package org.nianbao.rules;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;

/**
 * What code compiled from a rule may reach: the second wall around rules, independent of the check of the rule's
 * text ({@link RuleLanguage}). Two lists, both allow-lists:
 * <ul>
 *   <li>{@link #usable}: the classes whose members rule code may use — the fact model, the rule helpers, text,
 *   numbers, dates and collections. Compiled consequences ({@link RuleBytecode}) and conditions ({@link RuleMvel}) are
 *   checked against it member by member: every class a member takes or gives must be usable too, so nothing reached
 *   from a rule hands out a class, a method, a thread, a file or the engine.</li>
 *   <li>{@link #linkable}: the classes the rule compiler and the engine may load by name on behalf of rules
 *   ({@link RuleClassLoader}). It is the usable classes and what the engine's own generated code is made of; anything
 *   else — the machine ({@code Runtime}, {@code System}, {@code Thread}, processes, files, network), reflection,
 *   class loaders, the service's own classes — cannot even be linked.</li>
 * </ul>
 */
public final class RuleClasses {

    private static final Set<String> USABLE = Set.of(
            "java.lang.Object", "java.lang.String", "java.lang.CharSequence", "java.lang.Boolean", "java.lang.Byte",
            "java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double",
            "java.lang.Number", "java.lang.Character", "java.lang.Math", "java.lang.StrictMath",
            "java.lang.StringBuilder", "java.lang.Comparable", "java.lang.Iterable", "java.lang.Enum",
            "java.lang.Record", "java.lang.Void",
            "java.math.BigDecimal", "java.math.BigInteger", "java.math.RoundingMode",
            "java.util.Collection", "java.util.List", "java.util.Set", "java.util.SortedSet", "java.util.Map",
            "java.util.Map$Entry", "java.util.Iterator", "java.util.ListIterator", "java.util.ArrayList",
            "java.util.LinkedList", "java.util.HashMap", "java.util.HashSet", "java.util.LinkedHashMap",
            "java.util.LinkedHashSet", "java.util.TreeMap", "java.util.TreeSet", "java.util.Collections",
            "java.util.Objects", "java.util.Optional", "java.util.AbstractList", "java.util.AbstractCollection",
            "java.util.SequencedCollection", "java.util.SequencedSet", "java.util.SequencedMap",
            "org.nianbao.rules.Findings", "org.nianbao.rules.Sums", "org.nianbao.rules.Organs",
            "org.nianbao.rules.Labels", "org.nianbao.rules.Boilerplate", "org.nianbao.rules.Texts",
            "org.nianbao.rules.Evidence", "org.nianbao.rules.Finding");
    /** Packages all of whose classes are usable: the fact model, and dates (not time zones' providers). */
    private static final Set<String> USABLE_PACKAGES = Set.of("org.nianbao.report", "java.time", "java.time.temporal",
            "java.time.format", "java.time.chrono");

    /**
     * Members of usable classes that rule code may still not call: the way to an object's class; the wait/notify of
     * threads; regular expressions of the backtracking kind (a rule matches text with {@link Texts}, in linear time);
     * text repeated without bound; the system properties read through the number classes.
     */
    private static final Map<String, Set<String>> DENIED = Map.of(
            "java.lang.Object", Set.of("getClass", "wait", "notify", "notifyAll", "finalize", "clone"),
            "java.lang.String", Set.of("matches", "replaceAll", "replaceFirst", "split", "splitWithDelimiters",
                    "repeat"),
            "java.lang.Integer", Set.of("getInteger"),
            "java.lang.Long", Set.of("getLong"),
            "java.lang.Boolean", Set.of("getBoolean"),
            "java.lang.Enum", Set.of("getDeclaringClass", "valueOf", "describeConstable"),
            "java.lang.StringBuilder", Set.of("repeat"));

    /**
     * Loaded on behalf of rules by the engine's own code only: the types its generated readers and consequences are
     * declared with (a reader's constructor takes the class it reads), what a string concatenation links to, and the
     * exceptions a consequence may declare. Rule code may not use their members ({@link #usable} says no).
     */
    private static final Set<String> ENGINE_LINKS = Set.of("java.lang.Class", "java.lang.Exception",
            "java.lang.RuntimeException", "java.lang.Throwable", "java.lang.Error", "java.lang.IllegalArgumentException",
            "java.lang.IllegalStateException", "java.lang.NumberFormatException", "java.lang.ArithmeticException",
            "java.lang.NullPointerException", "java.lang.ClassCastException", "java.io.Serializable",
            "java.lang.Cloneable", "java.lang.invoke.StringConcatFactory", "java.lang.invoke.MethodHandles",
            "java.lang.invoke.MethodHandles$Lookup",
            "java.lang.invoke.MethodType", "java.lang.invoke.CallSite", "java.lang.invoke.TypeDescriptor",
            "java.lang.invoke.TypeDescriptor$OfField", "java.lang.invoke.TypeDescriptor$OfMethod",
            "java.lang.constant.Constable", "java.lang.constant.ConstantDesc", "java.lang.reflect.Type",
            "java.lang.reflect.AnnotatedElement", "java.lang.reflect.GenericDeclaration", "java.lang.AutoCloseable",
            "java.util.RandomAccess", "java.util.AbstractMap", "java.util.AbstractSet", "java.util.NavigableSet",
            "java.util.NavigableMap", "java.util.SortedMap", "java.util.Deque", "java.util.Queue",
            "java.util.AbstractSequentialList", "java.lang.Deprecated", "java.lang.FunctionalInterface",
            "java.lang.annotation.Annotation",
            // the catalogue kept beside a compiled rule base, read back with it
            "org.nianbao.rules.RuleInfo");
    /** The engine's own packages: its generated code extends and calls them. Rule code may not ({@link #usable}). */
    private static final Set<String> ENGINE_PREFIXES = Set.of("org.drools.", "org.kie.", "org.mvel2.");

    private RuleClasses() {
    }

    /** Whether rule code may use the members of the class of this binary name ({@code java.util.Map$Entry}). */
    public static boolean usable(String className) {
        String name = elementOf(className);
        if (name == null || USABLE.contains(name)) {
            return true;
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 && USABLE_PACKAGES.contains(name.substring(0, dot));
    }

    /** Whether rule code may use {@code type} (arrays by their element, primitives always). */
    public static boolean usable(Class<?> type) {
        Class<?> t = type;
        while (t.isArray()) {
            t = t.getComponentType();
        }
        return t.isPrimitive() || usable(t.getName());
    }

    /** Whether the rule compiler and the engine may load this class by name for rules. */
    public static boolean linkable(String className) {
        String name = elementOf(className);
        if (name == null || usable(name) || ENGINE_LINKS.contains(name)) {
            return true;
        }
        for (String prefix : ENGINE_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether rule code may call or read {@code member} of {@code owner} (binary name), usable or not. */
    public static boolean allowedMember(String owner, String member) {
        if (!usable(owner)) {
            return false;
        }
        Set<String> denied = DENIED.get(owner);
        if (denied != null && denied.contains(member)) {
            return false;
        }
        // what every object has, reached through any class: the same rule as on Object itself
        return !DENIED.get("java.lang.Object").contains(member);
    }

    /**
     * Whether rule code may call {@code method}: declared by (or overriding a method of) a usable class that does not
     * deny it, and taking and giving usable types only. A method of a class that is not usable — the private list
     * class behind {@code List.of} — counts as the method of the usable interface it implements.
     */
    public static boolean allowed(Method method) {
        if (!usable(method.getReturnType())) {
            return false;
        }
        for (Class<?> p : method.getParameterTypes()) {
            if (!usable(p)) {
                return false;
            }
        }
        return declaredByUsable(method.getDeclaringClass(), method);
    }

    private static boolean declaredByUsable(Class<?> type, Method method) {
        if (type == null) {
            return false;
        }
        if (usable(type.getName())) {
            try {
                type.getMethod(method.getName(), method.getParameterTypes());
                return allowedMember(type.getName(), method.getName());
            } catch (NoSuchMethodException e) {
                // not one of this class's public methods: look further up
            }
        }
        if (declaredByUsable(type.getSuperclass(), method)) {
            return true;
        }
        for (Class<?> i : type.getInterfaces()) {
            if (declaredByUsable(i, method)) {
                return true;
            }
        }
        return false;
    }

    /** The class an array name is of ({@code [Ljava.lang.String;} → {@code java.lang.String}); null for primitives. */
    private static String elementOf(String className) {
        String name = className;
        if (name.startsWith("[")) {
            int i = 0;
            while (i < name.length() && name.charAt(i) == '[') {
                i++;
            }
            if (i >= name.length() || name.charAt(i) != 'L') {
                return null; // an array of primitives
            }
            name = name.substring(i + 1, name.endsWith(";") ? name.length() - 1 : name.length());
        }
        return name.replace('/', '.');
    }
}
