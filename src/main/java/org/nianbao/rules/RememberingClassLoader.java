package org.nianbao.rules;

import java.net.URL;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's classes as the rule compiler asks for them, each answer remembered. Compiling a ruleset asks for
 * thousands of names that do not exist (every name in a condition is tried against every import) and for the bytes of
 * the same classes again and again; each miss searched every jar. The application's classes do not change while it
 * runs, so an answer, found or not, holds. Classes the compiler generates live in its own loader below this one.
 */
final class RememberingClassLoader extends ClassLoader {

    /** Enough for any ruleset's names; beyond it the memory starts again rather than grow with every edit. */
    private static final int MOST = 20_000;

    static {
        registerAsParallelCapable();
    }

    private final ConcurrentHashMap<String, Optional<Class<?>>> classes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Optional<URL>> resources = new ConcurrentHashMap<>();

    RememberingClassLoader(ClassLoader parent) {
        super("rules-compiler", parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        Optional<Class<?>> known = classes.get(name);
        if (known == null) {
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
            known = Optional.ofNullable(getParent().getResource(name));
            remember(resources, name, known);
        }
        return known.orElse(null);
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
