package org.nianbao.rules;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rule bases compiled before, found again by the hash of their rule files, so that a ruleset compiled once is not
 * compiled again: the default bundle is compiled when the jar is built and travels in it ({@code bundle/compiled/}),
 * and a service keeps what it compiles in a folder ({@code nianbao.rules.cache-dir}). Loading one takes a few hundred
 * milliseconds where compiling takes seconds.
 *
 * <p>Only what this build wrote is read back: a folder entry is named with the build's own id (a new jar starts
 * afresh), and reading admits only the classes a rule base is made of. Whatever cannot be read is compiled instead.
 * A rule base holds compiled rule code, so the folder must be as closely kept as the database beside it: only the
 * service writes there, and only rulesets that passed the rule-language check are compiled at all.
 */
public final class CompiledRules {

    static final String EMBEDDED = "bundle/compiled/";
    private static final String BUILD_ID = EMBEDDED + "build-id";
    /** The hash of the rule files the jar carries, compiled beside it. */
    private static final String CARRIED = EMBEDDED + "digest";
    private static final String FORMAT = "nianbao-rules-1";
    private static final Logger LOG = LoggerFactory.getLogger(CompiledRules.class);
    /** A rule base is engine objects, JDK collections, the catalogue and references to the fact and rule-helper classes; nothing else is read. */
    private static final ObjectInputFilter ENGINE_CLASSES = ObjectInputFilter.Config.createFilter(
            "maxdepth=200;org.drools.**;org.kie.**;org.mvel2.**;org.nianbao.rules.*;org.nianbao.report.*;java.**;!*");
    private static final ExecutorService WRITER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "compiled-rules-writer");
        t.setDaemon(true);
        return t;
    });
    private static volatile Path folder;

    private CompiledRules() {
    }

    /** A rule base found again, with the catalogue made when it was compiled. */
    record Found(KieBase base, List<RuleInfo> rules) {
    }

    /** Keeps compiled rule bases in {@code dir} from now on (created when needed); null keeps none. */
    public static void keepIn(Path dir) {
        folder = dir;
    }

    /**
     * A rule base being read, or read, ahead of the load that takes it: the hash of the files it is read for (known
     * once they are read and hashed; null when there is nothing to read) and the reading.
     */
    private record Ahead(CompletableFuture<String> digest, CompletableFuture<Optional<Found>> read) {
    }

    private static Ahead ahead;

    /**
     * Reads the rule base of the files {@code digestOf} hashes (null: nothing to read), for the next {@link #find} of
     * the same hash to take: a find that comes while the files are being hashed waits for the hash, and one that comes
     * while the rule base is being read waits for it, rather than doing either a second time. Only the last one read
     * ahead is held, until taken or {@linkplain #forgetReadAhead() let go}.
     */
    static void readAhead(java.util.function.Supplier<String> digestOf) {
        Ahead read = new Ahead(new CompletableFuture<>(), new CompletableFuture<>());
        synchronized (CompiledRules.class) {
            ahead = read;
        }
        try {
            String digest = digestOf.get();
            read.digest().complete(digest);
            read.read().complete(digest == null ? Optional.empty() : findNow(digest));
        } catch (RuntimeException | Error e) {
            read.digest().complete(null);
            read.read().complete(Optional.empty());
            throw e;
        } finally {
            synchronized (CompiledRules.class) {
                if (ahead == read && read.digest().join() == null) {
                    ahead = null;
                }
            }
        }
    }

    /**
     * Reads ahead the rule base compiled with the jar from the rules it carries, before any rule file is read or
     * hashed: a load of the carried rules (or of a folder holding the same files) takes it; a load of other rules finds
     * it under another hash and leaves it.
     */
    static void readAheadCarried() {
        String digest;
        try (InputStream in = CompiledRules.class.getClassLoader().getResourceAsStream(CARRIED)) {
            digest = in == null ? null : new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            digest = null;
        }
        if (digest != null && !digest.isEmpty()) {
            String carried = digest;
            readAhead(() -> carried);
        }
    }

    /** The hash of the rule files whose rule base is held as read ahead, not yet taken; null if none (for tests). */
    static synchronized String heldAhead() {
        return ahead == null ? null : ahead.digest().getNow(null);
    }

    /** Lets go of a rule base read ahead and not taken (the rules put in force were other files). */
    public static void forgetReadAhead() {
        synchronized (CompiledRules.class) {
            ahead = null;
        }
    }

    /** The rule base compiled from rule files of this hash (the full hex digest), if this build compiled it before. */
    static Optional<Found> find(String digest) {
        Ahead read;
        synchronized (CompiledRules.class) {
            read = ahead;
        }
        if (read != null && digest.equals(read.digest().join())) {
            boolean taken;
            synchronized (CompiledRules.class) {
                taken = ahead == read;
                if (taken) {
                    ahead = null;
                }
            }
            if (taken) {
                Optional<Found> found = read.read().join();
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return findNow(digest);
    }

    private static Optional<Found> findNow(String digest) {
        String buildId = buildId();
        if (buildId == null) {
            return Optional.empty();
        }
        try (InputStream embedded = CompiledRules.class.getClassLoader().getResourceAsStream(EMBEDDED + digest + ".kbase")) {
            if (embedded != null) {
                return read(embedded, digest);
            }
        } catch (IOException e) {
            LOG.warn("The compiled rules in the jar could not be read; they are compiled again: {}", e.toString());
        }
        Path dir = folder;
        Path file = dir == null ? null : entry(dir, digest);
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Optional<Found> found;
        try (InputStream in = Files.newInputStream(file)) {
            found = read(in, digest);
        } catch (IOException e) {
            LOG.warn("Compiled rules {} could not be read; they are compiled again: {}", file, e.toString());
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            deleteQuietly(file); // so that the ruleset compiled instead is kept in its place
        }
        return found;
    }

    /** Waits until what was handed to the background writer so far is written (for tests). */
    static void awaitKept() throws InterruptedException, java.util.concurrent.ExecutionException {
        WRITER.submit(() -> { }).get();
    }

    /** Keeps a rule base just compiled, in the background; the folder keeps only this build's entries. */
    static void keep(String digest, KieBase base, List<RuleInfo> rules) {
        Path dir = folder;
        String buildId = buildId();
        if (dir == null || buildId == null) {
            return;
        }
        WRITER.execute(() -> {
            try {
                Files.createDirectories(dir);
                Path target = entry(dir, digest);
                if (Files.exists(target)) {
                    return;
                }
                Path partial = Files.createTempFile(dir, "writing-", ".part");
                try (OutputStream out = Files.newOutputStream(partial)) {
                    write(out, base, rules);
                }
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                // entries of other builds go; so does what a process stopped in the middle of writing left
                java.nio.file.attribute.FileTime hourAgo = java.nio.file.attribute.FileTime.from(
                        java.time.Instant.now().minus(java.time.Duration.ofHours(1)));
                try (Stream<Path> all = Files.list(dir)) {
                    all.filter(p -> !p.getFileName().toString().endsWith("-" + buildId + ".kbase"))
                            .filter(p -> !p.getFileName().toString().startsWith("writing-") || olderThan(p, hourAgo))
                            .forEach(CompiledRules::deleteQuietly);
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Compiled rules could not be kept in {}: {}", dir, e.toString());
            }
        });
    }

    private static Optional<Found> read(InputStream raw, String digest) {
        // the stream read with the application's classes (the filter admits only what a rule base is made of); the rule
        // base then linked as a ruleset just compiled is, through the rule classes only
        try (DroolsObjectInputStream in = new DroolsObjectInputStream(new BufferedInputStream(raw),
                CompiledRules.class.getClassLoader())) {
            in.setObjectInputFilter(ENGINE_CLASSES);
            if (!FORMAT.equals(in.readUTF())) {
                return Optional.empty();
            }
            @SuppressWarnings("unchecked")
            List<RuleInfo> ruleInfos = (List<RuleInfo>) in.readObject();
            @SuppressWarnings("unchecked")
            Collection<KiePackage> packages = (Collection<KiePackage>) in.readObject();
            List<String> beyond = RuleBytecode.check(RuleBytecode.classesOf(packages));
            if (!beyond.isEmpty()) {
                LOG.warn("Compiled rules {} reach beyond what rules may use ({}); they are compiled again", digest,
                        beyond.get(0));
                return Optional.empty();
            }
            InternalKnowledgeBase base = RuleEngine.ruleBase(RuleSetLoader.ruleLoader(), packages);
            return Optional.of(new Found(base, List.copyOf(ruleInfos)));
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            LOG.warn("Compiled rules {} could not be read; they are compiled again: {}", digest, e.toString());
            return Optional.empty();
        }
    }

    private static void write(OutputStream raw, KieBase base, List<RuleInfo> rules) throws IOException {
        try (DroolsObjectOutputStream out = new DroolsObjectOutputStream(new BufferedOutputStream(raw))) {
            out.writeUTF(FORMAT);
            out.writeObject(new ArrayList<>(rules));
            out.writeObject(new ArrayList<>(base.getKiePackages()));
        }
    }

    /** Where the rule base of rule files of this hash is kept in {@code dir} by this build. */
    static Path entry(Path dir, String digest) {
        return dir.resolve(digest + "-" + buildId() + ".kbase");
    }

    private static volatile String buildId;

    /** This build's id: written beside the compiled default bundle when the jar is built. */
    private static String buildId() {
        String id = buildId;
        if (id == null) {
            try (InputStream in = CompiledRules.class.getClassLoader().getResourceAsStream(BUILD_ID)) {
                id = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
            } catch (IOException e) {
                id = "";
            }
            buildId = id;
        }
        return id.isEmpty() ? null : id;
    }

    private static boolean olderThan(Path p, java.nio.file.attribute.FileTime time) {
        try {
            return Files.getLastModifiedTime(p).compareTo(time) < 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // another instance may be using the folder; an old entry is only a few hundred kilobytes
        }
    }

    /**
     * The build step: compiles the rules under {@code CLASSES/bundle/rules} and writes them, with the DRL of their
     * decision tables and a new build id, to {@code CLASSES/bundle/compiled/}. Usage: {@code CompiledRules CLASSES}.
     */
    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        Path out = classes.resolve(EMBEDDED);
        if (Files.isDirectory(out)) {
            try (Stream<Path> old = Files.list(out)) {
                old.forEach(CompiledRules::deleteQuietly);
            }
        }
        RuleSetLoader.Compiled compiled = RuleSetLoader.compile(classes.resolve("bundle/rules"));
        Files.createDirectories(out);
        try (OutputStream o = Files.newOutputStream(out.resolve(compiled.digest() + ".kbase"))) {
            write(o, compiled.ruleSet().kieBase(), compiled.ruleSet().rules());
        }
        Files.writeString(out.resolve(CARRIED.substring(EMBEDDED.length())), compiled.digest(), StandardCharsets.US_ASCII);
        DecisionTables.carry(classes.resolve("bundle/rules"), out);
        Files.writeString(out.resolve("build-id"), UUID.randomUUID().toString(), StandardCharsets.US_ASCII);
        System.out.println("compiled " + compiled.ruleSet().rules().size() + " rules into " + out);
        System.exit(0);
    }
}
