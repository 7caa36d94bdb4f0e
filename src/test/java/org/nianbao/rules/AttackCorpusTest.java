package org.nianbao.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.Samples;
import org.nianbao.assessment.AssessmentOptions;
import org.nianbao.assessment.Assessor;
import org.nianbao.scoring.Scorecard;
import org.nianbao.scoring.ScorecardLoader;

/**
 * The attack corpus ({@code src/test/resources/attacks}): rule files, sentences of the Chinese rule language and
 * decision tables (as CSV, and the same rows as .xlsx), each a way for someone who may edit rules to reach the file
 * system, processes, the network, reflection, class loading, threads, {@code System}, the engine or the JVM — written
 * the ways Java and MVEL allow: escapes, comments, string building, casts, method chains, static imports, inner
 * classes, lambdas, named consequences, conditions nested in collect, accumulate and groupby.
 *
 * <p>Each attack, if it ran, leaves a trace: a marker file, a system property, a connection to a socket the test
 * listens on. With both walls, each is refused at validation with its file and line. With the rule-language check
 * turned off, the second wall alone (the rule classes, the check of compiled code and of conditions) refuses it or
 * leaves it harmless: compiled and run over the five samples, it leaves no trace.
 */
class AttackCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/attacks");

    @TempDir
    static Path work;

    private static ServerSocket listener;
    private static final Scorecard CARD = ScorecardLoader.load(Samples.SCORECARD);

    @BeforeAll
    static void listen() throws IOException {
        listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        listener.setSoTimeout(1);
        Files.createDirectories(work.resolve("markers"));
    }

    @AfterAll
    static void close() throws IOException {
        listener.close();
    }

    /** One attack: its files (a .dsl and its .dslr go together) by name, with their text. */
    record Attack(String name, Map<String, byte[]> files, String wall) {
        Attack(String name, Map<String, byte[]> files) {
            this(name, files, "");
        }

        /** The same attack tried behind {@code wall}: its traces are its own. */
        Attack behind(String wall) {
            return new Attack(name, files, wall);
        }

        String trace() {
            return wall + "-" + name;
        }
    }

    static List<Attack> corpus() throws IOException {
        Map<String, Map<String, byte[]>> byCase = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path f : files.sorted().toList()) {
                String file = f.getFileName().toString();
                String base = file.substring(0, file.indexOf('.'));
                byCase.computeIfAbsent(base, b -> new LinkedHashMap<>()).put(file, Files.readAllBytes(f));
            }
        }
        List<Attack> attacks = new ArrayList<>();
        byCase.forEach((name, files) -> attacks.add(new Attack(name, files)));
        // every decision table once more as a workbook, as policy staff keep them
        for (var e : byCase.entrySet()) {
            for (var f : e.getValue().entrySet()) {
                if (f.getKey().endsWith(".drl.csv")) {
                    String xlsx = f.getKey().replace(".drl.csv", ".drl.xlsx");
                    attacks.add(new Attack(e.getKey() + "-xlsx", Map.of(xlsx, workbook(f.getValue()))));
                }
            }
        }
        return attacks;
    }

    private static byte[] workbook(byte[] csv) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Rules");
            int r = 0;
            for (CSVRecord record : CSVFormat.DEFAULT.parse(new StringReader(new String(csv, StandardCharsets.UTF_8)))) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < record.size(); c++) {
                    if (!record.get(c).isEmpty()) {
                        row.createCell(c).setCellValue(record.get(c));
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    /** The attack's folder: its files with the traces it would leave filled in, and the statements every ruleset has. */
    private static Path folder(Attack attack, String wall) throws IOException {
        Path dir = Files.createDirectories(work.resolve(wall).resolve(attack.name()));
        attack = attack.behind(wall);
        Files.copy(Samples.RULES.resolve(RuleSetLoader.STATEMENTS_FILE), dir.resolve(RuleSetLoader.STATEMENTS_FILE));
        for (var f : attack.files().entrySet()) {
            byte[] content = f.getValue();
            if (!f.getKey().endsWith(".xlsx")) {
                content = new String(content, StandardCharsets.UTF_8).replace("@MARKER@", marker(attack).toString())
                        .replace("@PROP@", property(attack)).replace("@PORT@", String.valueOf(listener.getLocalPort()))
                        .getBytes(StandardCharsets.UTF_8);
            } else {
                content = filledIn(content, attack);
            }
            Files.write(dir.resolve(f.getKey()), content);
        }
        return dir;
    }

    private static byte[] filledIn(byte[] xlsx, Attack attack) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx));
             var out = new java.io.ByteArrayOutputStream()) {
            for (Row row : book.getSheetAt(0)) {
                for (var cell : row) {
                    cell.setCellValue(cell.getStringCellValue().replace("@MARKER@", marker(attack).toString())
                            .replace("@PROP@", property(attack)).replace("@PORT@", String.valueOf(listener.getLocalPort())));
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private static Path marker(Attack attack) {
        return work.resolve("markers").resolve(attack.trace());
    }

    private static String property(Attack attack) {
        return "nianbao.attack." + attack.trace();
    }

    /** Whether the attack left a trace: its marker file, its property, or a connection to the test's socket. */
    private static List<String> traces(Attack attack) throws IOException {
        List<String> traces = new ArrayList<>();
        if (Files.exists(marker(attack))) {
            traces.add("wrote " + marker(attack));
        }
        if (System.getProperty(property(attack)) != null) {
            traces.add("set " + property(attack));
        }
        try {
            listener.accept().close();
            traces.add("connected to the test's socket");
        } catch (SocketTimeoutException e) {
            // nobody connected
        }
        return traces;
    }

    @Test
    void theCorpusHasMoreThanAHundredAttacksOfEveryKind() throws IOException {
        List<Attack> attacks = corpus();
        assertThat(attacks).hasSizeGreaterThanOrEqualTo(100);
        List<String> files = attacks.stream().flatMap(a -> a.files().keySet().stream()).toList();
        assertThat(files).anyMatch(f -> f.contains("escape-line-comment"))
                .anyMatch(f -> f.contains("escape-string-literal")).anyMatch(f -> f.contains("escape-identifier"))
                .anyMatch(f -> f.contains("named-consequence")).anyMatch(f -> f.contains("from-collect"))
                .anyMatch(f -> f.contains("groupby")).anyMatch(f -> f.endsWith(".dslr"))
                .anyMatch(f -> f.endsWith(".drl.csv")).anyMatch(f -> f.endsWith(".drl.xlsx"));
    }

    /**
     * The harness sees an attack that runs: with neither wall — the engine's default build, over the application's
     * classes — these attacks leave their traces. (So the corpus's zero traces behind the walls mean something.)
     */
    @TestFactory
    Stream<DynamicTest> withoutTheWallsTheAttacksRunAndTheirTracesAreSeen() throws IOException {
        List<String> undefended = List.of("then-files-write", "then-system-property", "then-network-socket",
                "then-reflection-getclass", "when-system-property", "when-getclass-forname", "nested-from-expression",
                "escape-line-comment", "escape-string-literal", "escape-block-comment", "named-consequence-if",
                "nested-groupby-key", "table-action-system");
        return corpus().stream().filter(a -> undefended.stream().anyMatch(u -> a.name().endsWith(u)))
                .map(attack -> DynamicTest.dynamicTest(attack.name(), () -> {
                    Path dir = folder(attack, "none");
                    var kie = org.kie.internal.utils.KieHelper.class;
                    var helper = new org.kie.internal.utils.KieHelper();
                    try (Stream<Path> files = Files.list(dir)) {
                        for (Path f : files.filter(f -> RuleSetLoader.isRuleFile(f.getFileName().toString())).toList()) {
                            helper.addResource(org.kie.internal.io.ResourceFactory.newFileResource(f.toFile()));
                        }
                    }
                    var base = helper.build();
                    var session = base.newKieSession();
                    session.setGlobal("findings", new Findings());
                    String sample = Samples.NAMES.get(0);
                    Samples.assessor().assessKeepingFacts(org.nianbao.reading.Readers.read(sample, Samples.bytes(sample)),
                            AssessmentOptions.NONE).facts().facts().all().forEach(session::insert);
                    try {
                        session.fireAllRules();
                    } catch (RuntimeException e) {
                        // what a rule did before it failed is done
                    } finally {
                        session.dispose();
                    }
                    Thread.sleep(300);
                    assertThat(traces(attack.behind("none"))).as(attack.name() + " (" + kie.getSimpleName() + ")").isNotEmpty();
                }));
    }

    @TestFactory
    Stream<DynamicTest> bothWallsRefuseEveryAttackAtValidationWithItsFileAndLine() throws IOException {
        return corpus().stream().map(attack -> DynamicTest.dynamicTest(attack.name(), () -> {
            Path dir = folder(attack, "both");
            try {
                RuleSetLoader.compile(dir);
                fail("accepted: " + attack.name());
            } catch (InvalidRuleSet e) {
                assertThat(e.problems()).as(attack.name()).anySatisfy(p -> {
                    assertThat(attack.files()).containsKey(p.file());
                    assertThat(p.line()).as("line of " + p).isPositive();
                });
            }
            assertThat(traces(attack.behind("both"))).as(attack.name()).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> theSecondWallAloneRefusesEveryAttackOrLeavesItHarmless() throws IOException {
        return corpus().stream().map(attack -> DynamicTest.dynamicTest(attack.name(), () -> {
            Path dir = folder(attack, "second");
            RuleSet rules = null;
            try {
                rules = RuleSetLoader.compileBehindTheSecondWallOnly(dir).ruleSet();
            } catch (InvalidRuleSet e) {
                // refused by the second wall (or by the compiler itself): nothing of it runs
                if (Boolean.getBoolean("attacks.tell")) {
                    System.out.println("SECOND " + attack.name() + " :: " + e.problems().get(0).message().replace('\n', ' '));
                }
            }
            if (rules != null && Boolean.getBoolean("attacks.tell")) {
                System.out.println("SECOND " + attack.name() + " :: BUILT");
            }
            if (rules != null) {
                Assessor assessor = new Assessor(rules, CARD);
                for (String name : Samples.NAMES) {
                    try {
                        assessor.assess(name, Samples.bytes(name), AssessmentOptions.NONE);
                    } catch (RuntimeException e) {
                        // a rule stopped by the wall fails its report; that is all it does
                    }
                }
                Thread.sleep(200); // a process or a thread the rule might have started
            }
            assertThat(traces(attack.behind("second"))).as(attack.name()).isEmpty();
        }));
    }
}
