package org.nianbao.rules;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.Samples;
import org.nianbao.assessment.Assessment;
import org.nianbao.assessment.AssessmentOptions;
import org.nianbao.assessment.Assessor;
import org.nianbao.scoring.Scorecard;
import org.nianbao.scoring.ScorecardLoader;
import org.nianbao.testing.Tripwire;
import static org.assertj.core.api.Assertions.assertThat;

class CompiledRulesTest {

    @TempDir
    Path dir;

    private final Scorecard card = ScorecardLoader.load(Samples.SCORECARD);

    @AfterEach
    void keepNone() throws Exception {
        CompiledRules.awaitKept(); // nothing written into the test's folder while it is removed
        CompiledRules.keepIn(null);
    }

    @Test
    void theProjectRulesAreTakenFromTheJarCompiledAndAssessEveryReportAsTheCompiledRulesDo() {
        long before = RuleSetLoader.compilations();
        RuleSet carried = RuleSetLoader.load(Samples.RULES);
        assertThat(RuleSetLoader.compilations()).as("nothing compiled").isEqualTo(before);

        RuleSetLoader.Compiled compiled = RuleSetLoader.compile(Samples.RULES);
        assertThat(carried.version()).isEqualTo(compiled.ruleSet().version());
        assertThat(carried.rules()).isEqualTo(compiled.ruleSet().rules());
        for (String name : Samples.NAMES) {
            assertThat(summary(new Assessor(carried, card), name)).as(name)
                    .isEqualTo(summary(new Assessor(compiled.ruleSet(), card), name));
        }
    }

    @Test
    void rulesReadFromTheJarLinkThroughTheRuleClassesOnlyAsRulesJustCompiledDo() throws Exception {
        RuleSet carried = RuleSetLoader.load(Samples.RULES);
        RuleSet compiled = RuleSetLoader.compile(Samples.RULES).ruleSet();
        for (RuleSet rules : List.of(carried, compiled)) {
            ClassLoader root = ((org.drools.core.impl.InternalRuleBase) rules.kieBase()).getRootClassLoader();
            assertThat(root.loadClass("org.nianbao.report.TableRow")).isSameAs(org.nianbao.report.TableRow.class);
            for (String name : List.of("java.lang.Runtime", "java.lang.reflect.Method", "org.nianbao.rules.RuleSetLoader")) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> root.loadClass(name)).as(name)
                        .isInstanceOf(ClassNotFoundException.class);
            }
        }
    }

    @Test
    void aRulesetCompiledOnceIsTakenFromTheFolderTheNextTime() throws Exception {
        Path cache = dir.resolve("cache");
        CompiledRules.keepIn(cache);
        Path rules = changedRules();

        long before = RuleSetLoader.compilations();
        RuleSet first = RuleSetLoader.load(rules);
        assertThat(RuleSetLoader.compilations()).isEqualTo(before + 1);
        Path kept = CompiledRules.entry(cache, RuleSetLoader.compile(rules).digest());
        CompiledRules.awaitKept();
        assertThat(kept).isRegularFile();

        long compiled = RuleSetLoader.compilations();
        RuleSet again = RuleSetLoader.load(rules);
        assertThat(RuleSetLoader.compilations()).as("taken from the folder").isEqualTo(compiled);
        assertThat(again.rules()).isEqualTo(first.rules());
        assertThat(summary(new Assessor(again, card), Samples.NAMES.get(2)))
                .isEqualTo(summary(new Assessor(first, card), Samples.NAMES.get(2)));
    }

    @Test
    void rulesReadAheadAreTakenByTheNextLoadOnceAndNotHeldAfter() throws Exception {
        Path rules = changedRules();
        Path kept = keptEntry(rules);
        RuleSet first = RuleSetLoader.load(rules);
        CompiledRules.awaitKept();

        RuleSetLoader.readAhead(rules);
        Files.delete(kept); // from now on only what was read ahead can spare a compile
        long compiled = RuleSetLoader.compilations();
        RuleSet taken = RuleSetLoader.load(rules);
        assertThat(RuleSetLoader.compilations()).as("taken as read ahead").isEqualTo(compiled);
        assertThat(taken.rules()).isEqualTo(first.rules());
        assertThat(summary(new Assessor(taken, card), Samples.NAMES.get(1)))
                .isEqualTo(summary(new Assessor(first, card), Samples.NAMES.get(1)));

        RuleSetLoader.load(rules);
        assertThat(RuleSetLoader.compilations()).as("read ahead once, taken once").isEqualTo(compiled + 1);
    }

    @Test
    void aLoadThatComesWhileTheReadAheadIsStillHashingTheFilesWaitsForItInsteadOfReadingThemASecondTime() throws Exception {
        Path rules = changedRules();
        keptEntry(rules);
        RuleSet first = RuleSetLoader.load(rules);
        CompiledRules.awaitKept();
        String digest = RuleSetLoader.compile(rules).digest();
        java.util.concurrent.CountDownLatch hashing = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch hashed = new java.util.concurrent.CountDownLatch(1);
        Thread ahead = new Thread(() -> CompiledRules.readAhead(() -> {
            hashing.countDown();
            try {
                hashed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return digest;
        }));
        ahead.start();
        hashing.await();
        long compiled = RuleSetLoader.compilations();
        java.util.concurrent.atomic.AtomicReference<RuleSet> loaded = new java.util.concurrent.atomic.AtomicReference<>();
        Thread load = new Thread(() -> loaded.set(RuleSetLoader.load(rules)));
        load.start();

        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (load.getState() != Thread.State.WAITING && load.isAlive() && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(load.getState()).as("the load waits for the hash the read-ahead is making").isEqualTo(Thread.State.WAITING);
        hashed.countDown();
        ahead.join(30_000);
        load.join(30_000);

        assertThat(loaded.get()).isNotNull();
        assertThat(loaded.get().rules()).isEqualTo(first.rules());
        assertThat(RuleSetLoader.compilations()).as("taken as read ahead, nothing compiled").isEqualTo(compiled);
    }

    @Test
    void theRuleBaseTheJarCarriesIsReadAheadBeforeAnyFileAndTakenByALoadOfTheSameRulesOnly() throws Exception {
        String carried = RuleSetLoader.compile(Samples.RULES).digest();

        RuleSetLoader.readAheadCarried();
        assertThat(CompiledRules.heldAhead()).as("read for the hash of the rules the jar carries").isEqualTo(carried);
        long compiled = RuleSetLoader.compilations();
        RuleSetLoader.load(changedRules());
        assertThat(CompiledRules.heldAhead()).as("other rules leave it").isEqualTo(carried);
        RuleSet taken = RuleSetLoader.load(Samples.RULES); // a folder holding the same files as the jar's
        assertThat(CompiledRules.heldAhead()).as("taken").isNull();
        assertThat(RuleSetLoader.compilations()).as("only the other rules compiled").isEqualTo(compiled + 1);
        assertThat(taken.version()).isEqualTo(carried.substring(0, 12));
    }

    @Test
    void rulesReadAheadAndLetGoAreReadAgainByTheNextLoad() throws Exception {
        Path rules = changedRules();
        Path kept = keptEntry(rules);
        RuleSetLoader.load(rules);
        CompiledRules.awaitKept();

        RuleSetLoader.readAhead(rules);
        CompiledRules.forgetReadAhead();
        Files.delete(kept);
        long compiled = RuleSetLoader.compilations();
        RuleSetLoader.load(rules);
        assertThat(RuleSetLoader.compilations()).as("nothing held: compiled again").isEqualTo(compiled + 1);
    }

    @Test
    void readingAheadAFolderWithoutRulesCompilesAndReportsNothing() throws Exception {
        long before = RuleSetLoader.compilations();
        RuleSetLoader.readAhead(dir.resolve("no-such-folder"));
        RuleSetLoader.readAhead(changedRules()); // never compiled: nothing to read, and nothing compiled for it
        assertThat(RuleSetLoader.compilations()).isEqualTo(before);
    }

    @Test
    void aKeptFileHoldingAnythingButARuleBaseIsNotReadAndTheRulesAreCompiled() throws Exception {
        Path rules = changedRules();
        try (OutputStream file = Files.newOutputStream(keptEntry(rules)); ObjectOutputStream out = new ObjectOutputStream(file)) {
            out.writeUTF("nianbao-rules-1");
            out.writeObject(new ArrayList<>(List.of(new Tripwire()))); // not a class a rule base is made of
        }
        Tripwire.READ.set(false);

        long before = RuleSetLoader.compilations();
        RuleSet loaded = RuleSetLoader.load(rules);

        assertThat(Tripwire.READ).as("the object was never made").isFalse();
        assertThat(RuleSetLoader.compilations()).as("compiled instead").isEqualTo(before + 1);
        assertThat(loaded.rules()).hasSizeGreaterThan(40);
        assertKeptInItsPlace(rules);
    }

    /** The entry that could not be read was replaced by the ruleset compiled instead: the next load compiles nothing. */
    private static void assertKeptInItsPlace(Path rules) throws Exception {
        CompiledRules.awaitKept();
        long compiled = RuleSetLoader.compilations();
        RuleSetLoader.load(rules);
        assertThat(RuleSetLoader.compilations()).as("read back, not compiled").isEqualTo(compiled);
    }

    @Test
    void aDamagedKeptFileIsCompiledAgain() throws Exception {
        Path rules = changedRules();
        Files.write(keptEntry(rules), "not a rule base".getBytes());

        long before = RuleSetLoader.compilations();
        RuleSet loaded = RuleSetLoader.load(rules);

        assertThat(RuleSetLoader.compilations()).isEqualTo(before + 1);
        assertThat(summary(new Assessor(loaded, card), Samples.NAMES.get(0)))
                .isEqualTo(summary(Samples.assessor(), Samples.NAMES.get(0)));
        assertKeptInItsPlace(rules);
    }

    /** Where the folder kept from now on would hold the compiled {@code rules}. */
    private Path keptEntry(Path rules) throws IOException {
        Path cache = dir.resolve("cache");
        Files.createDirectories(cache);
        CompiledRules.keepIn(cache);
        return CompiledRules.entry(cache, RuleSetLoader.compile(rules).digest());
    }

    /** The project's rules with one comment added: the same rules, a ruleset no build has compiled. */
    private Path changedRules() throws IOException {
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules);
        Samples.copyRules(rules);
        Path file = Files.list(rules).filter(p -> p.toString().endsWith(".drl")).sorted().findFirst().orElseThrow();
        Files.writeString(file, Files.readString(file) + "\n// " + dir.getFileName() + "\n");
        return rules;
    }

    private static List<String> summary(Assessor assessor, String name) {
        Assessment a = assessor.assess(name, Samples.bytes(name), AssessmentOptions.NONE);
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(a.score() + " " + a.grade()),
                a.findings().stream().map(f -> f.ruleId() + " " + f.message())).toList();
    }
}
