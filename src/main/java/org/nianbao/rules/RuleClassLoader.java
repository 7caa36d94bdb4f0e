package org.nianbao.rules;

import java.net.URL;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The classes rules are compiled and linked against: only those {@link RuleClasses#linkable} names, each answer
 * remembered. Every other name — {@code java.lang.Runtime}, {@code java.lang.reflect.Method}, a file, a socket, the
 * service's own classes — is not found, neither by the compiler (its class file is not there either) nor by the
 * engine, nor by the code compiled from a rule when it is linked. Classes the compiler generates live in loaders
 * below this one, and every name they link goes through it.
 *
 * <p>Compiling a ruleset asks for thousands of names that do not exist (every name in a condition is tried against
 * every import) and for the bytes of the same classes again and again; each miss searched every jar. The
 * application's classes do not change while it runs, so an answer, found or not, holds.
 */
final class RuleClassLoader extends ClassLoader {

    /** Enough for any ruleset's names; beyond it the memory starts again rather than grow with every edit. */
    private static final int MOST = 20_000;

    static {
        registerAsParallelCapable();
    }

    private final ConcurrentHashMap<String, Optional<Class<?>>> classes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Optional<URL>> resources = new ConcurrentHashMap<>();

    RuleClassLoader(ClassLoader parent) {
        super("rule-classes", parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        Optional<Class<?>> known = classes.get(name);
        if (known == null) {
            if (!RuleClasses.linkable(name)) {
                throw new Missing(name);
            }
            try {
                known = Optional.of(getParent().loadClass(name));
            } catch (ClassNotFoundException e) {
                known = Optional.empty();
            }
            remember(classes, name, known);
        }
        if (known.isEmpty()) {
            throw new Missing(name);
        }
        return known.get();
    }

    @Override
    public URL getResource(String name) {
        Optional<URL> known = resources.get(name);
        if (known == null) {
            known = name.endsWith(".class") && !RuleClasses.linkable(name.substring(0, name.length() - 6))
                    ? Optional.empty() : Optional.ofNullable(getParent().getResource(name));
            remember(resources, name, known);
        }
        return known.orElse(null);
    }

    @Override
    public java.util.Enumeration<URL> getResources(String name) throws java.io.IOException {
        if (name.endsWith(".class") && !RuleClasses.linkable(name.substring(0, name.length() - 6))) {
            return java.util.Collections.emptyEnumeration();
        }
        return getParent().getResources(name);
    }

    private static <T> void remember(ConcurrentHashMap<String, T> memory, String name, T answer) {
        if (memory.size() >= MOST) {
            memory.clear();
        }
        memory.put(name, answer);
    }

    /** A miss told without the cost of a stack trace: the compiler expects most of its guesses to miss. */
    private static final class Missing extends ClassNotFoundException {
        private static final long serialVersionUID = 1L;

        Missing(String name) {
            super(name);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
