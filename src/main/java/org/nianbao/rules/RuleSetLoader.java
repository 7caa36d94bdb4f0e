package org.nianbao.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.drools.compiler.lang.descr.CompositePackageDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.lang.dsl.DSLMapping;
import org.drools.drl.parser.lang.dsl.DSLTokenizedMappingFile;
import org.drools.drl.parser.lang.dsl.DefaultExpander;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.nianbao.extraction.LabelCatalog;
import org.nianbao.extraction.OrganCatalog;
import org.nianbao.extraction.StatementCatalog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Builds a ruleset from a folder of rule files at run time: DRL ({@code *.drl}), the Chinese rule language
 * ({@code *.dsl} sentences used by {@code *.dslr} rules), spreadsheet decision tables ({@code *.drl.xlsx},
 * {@code *.drl.csv}), {@code statements.yaml}, {@code labels.yaml} and the organ table {@code organs.yaml}.
 * Every problem is reported with its file and line; a ruleset with any problem is refused whole.
 */
public final class RuleSetLoader {

    public static final String STATEMENTS_FILE = "statements.yaml";
    public static final String ORGANS_FILE = OrganFile.NAME;
    /** How reports print the tables' rows and columns; without it, the catalogue the project ships. */
    public static final String LABELS_FILE = LabelCatalog.FILE;
    private static final AtomicLong BUILDS = new AtomicLong();
    /** Made on first use: a rule base read ahead needs none, and on a cold JVM a mapper takes a while to make. */
    private static final class Yaml {
        static final ObjectMapper MAPPER = YAMLMapper.builder().build();

        private Yaml() {
        }
    }
    /** The classes rules are compiled and linked against, and nothing else (see {@link RuleClassLoader}). */
    static final ClassLoader RULE_CLASSES = new RuleClassLoader(RuleSetLoader.class.getClassLoader());

    private RuleSetLoader() {
    }

    /**
     * The ruleset of the files in {@code dir}; compiled, unless rule files of the same content were compiled before
     * (see {@link CompiledRules}).
     */
    public static RuleSet load(Path dir) {
        return load(dir, true, true).ruleSet();
    }

    /** A ruleset just compiled, and the hash of its rule files (hex, in full). */
    public record Compiled(String digest, RuleSet ruleSet) {
    }

    /** How many rulesets this process has compiled (a ruleset found compiled before is not counted). */
    public static long compilations() {
        return BUILDS.get();
    }

    /** Compiles the files in {@code dir}, never taking a rule base compiled before. */
    public static Compiled compile(Path dir) {
        return load(dir, false, true);
    }

    /**
     * Compiles the files in {@code dir} with the check of the rule language's text ({@link RuleLanguage}) left out:
     * what is left to stop a rule that reaches too far is the second wall alone (the rule classes, the check of the
     * compiled code and of the conditions). For the tests that prove that wall; nothing else calls it.
     */
    static Compiled compileBehindTheSecondWallOnly(Path dir) {
        return load(dir, false, false);
    }

    /**
     * Reads the rule base compiled before from the files in {@code dir}, if there is one, so that the load of the
     * same files that follows (on any thread) takes it as read instead of reading it again; compiles nothing. A
     * service starting calls it beside its own start-up, on the other core.
     */
    public static void readAhead(Path dir) {
        CompiledRules.readAhead(() -> {
            try {
                RuleFiles files = RuleFiles.in(dir);
                return files.problems().isEmpty() && files.statements() != null ? files.hash() : null;
            } catch (InvalidRuleSet e) {
                return null; // the load that follows reports it
            }
        });
    }

    /**
     * Reads the rule base compiled with the jar from the rules it carries, before any rule file is read (see
     * {@link #readAhead}): for a command that will load the carried rules, or a folder of the same files.
     */
    public static void readAheadCarried() {
        CompiledRules.readAheadCarried();
    }

    /** The rule files of a folder as read once, their problems so far, and the hash of them all (hex, in full). */
    private record RuleFiles(java.util.Map<Path, byte[]> contents, byte[] statements, byte[] organs, byte[] labels, String hash,
                             List<RuleProblem> problems) {

        static RuleFiles in(Path dir) {
            if (!Files.isDirectory(dir)) {
                throw new InvalidRuleSet(List.of(new RuleProblem(dir.toString(), 0, "规则目录不存在 (no such rules folder)")));
            }
            List<Path> drl;
            try (Stream<Path> files = Files.list(dir)) {
                drl = files.filter(p -> isRuleFile(p.getFileName().toString())).sorted().toList();
            } catch (IOException e) {
                throw new InvalidRuleSet(List.of(new RuleProblem(dir.toString(), 0, "无法读取规则目录：" + e.getMessage())));
            }
            if (drl.stream().allMatch(p -> p.toString().endsWith(".dsl"))) {
                throw new InvalidRuleSet(List.of(new RuleProblem(dir.toString(), 0, "规则目录中没有规则文件（.drl、.dslr 或 .drl.xlsx）")));
            }
            List<RuleProblem> problems = new ArrayList<>();
            // every file read once: the rule-language check and the build see the same bytes
            java.util.Map<Path, byte[]> contents = new java.util.LinkedHashMap<>();
            drl.forEach(file -> contents.put(file, read(file, problems)));
            Path statementsFile = dir.resolve(STATEMENTS_FILE);
            byte[] statementsContent = Files.isRegularFile(statementsFile) ? read(statementsFile, problems) : null;
            // a ruleset written before the organ table existed takes the one the application carries
            Path organsFile = dir.resolve(OrganFile.NAME);
            byte[] organsContent = Files.isRegularFile(organsFile) ? read(organsFile, problems) : OrganFile.bundled();
            Path labelsFile = dir.resolve(LABELS_FILE);
            byte[] labelsContent = Files.isRegularFile(labelsFile) ? read(labelsFile, problems) : null;
            MessageDigest digest = sha256();
            contents.forEach((file, content) -> {
                digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update(content);
            });
            if (statementsContent != null) {
                digest.update(statementsContent);
            }
            digest.update(OrganFile.NAME.getBytes(StandardCharsets.UTF_8));
            digest.update(organsContent);
            if (labelsContent != null) {
                digest.update(LABELS_FILE.getBytes(StandardCharsets.UTF_8));
                digest.update(labelsContent);
            }
            return new RuleFiles(contents, statementsContent, organsContent, labelsContent, HexFormat.of().formatHex(digest.digest()),
                    problems);
        }
    }

    private static Compiled load(Path dir, boolean reuse, boolean checkLanguage) {
        RuleFiles ruleFiles = RuleFiles.in(dir);
        java.util.Map<Path, byte[]> contents = ruleFiles.contents();
        byte[] statementsContent = ruleFiles.statements();
        String hash = ruleFiles.hash();
        List<RuleProblem> problems = ruleFiles.problems();
        String version = hash.substring(0, 12);
        List<RuleProblem> statementProblems = new ArrayList<>();
        StatementCatalog statements = statementsContent == null ? StatementCatalog.empty()
                : statements(statementsContent, statementProblems);
        List<RuleProblem> organProblems = new ArrayList<>();
        OrganCatalog organs = OrganFile.read(ruleFiles.organs(), organProblems);
        organProblems.addAll(RuleText.check(OrganFile.NAME, new String(ruleFiles.organs(), StandardCharsets.UTF_8)));
        List<RuleProblem> labelProblems = new ArrayList<>();
        LabelCatalog labels = labels(ruleFiles.labels(), labelProblems);
        if (reuse && problems.isEmpty() && statementsContent != null && statementProblems.isEmpty()
                && organProblems.isEmpty() && labelProblems.isEmpty()) {
            var found = CompiledRules.find(hash);
            if (found.isPresent()) {
                return new Compiled(hash, new RuleSet(version, found.get().base(), statements, organs, labels, found.get().rules()));
            }
        }
        java.util.Map<String, RuleSource> sources = new java.util.HashMap<>();
        // the statements' kinds and names, when statements.yaml can be read (else it is reported below)
        java.util.Map<String, String> statementNames = statementsContent == null || !statementProblems.isEmpty() ? null
                : namesOf(statements);
        List<Parsed> parsed = refuseOutsideTheRuleLanguage(contents, checkLanguage,
                new RuleNames(statementNames == null ? null : statementNames.keySet(),
                        organs == null || !organProblems.isEmpty() ? null : organs), statementNames, problems);
        for (var entry : contents.entrySet()) {
            String name = entry.getKey().getFileName().toString();
            sources.putAll(RuleSource.scan(name, new String(entry.getValue(), StandardCharsets.UTF_8)));
        }
        for (Parsed file : parsed) {
            if (DecisionTables.isDecisionTable(file.name())) {
                sources.putAll(RuleSource.scan(file.name(), file.drl()));
            }
            // the deduction a rule asks for, read from the consequence the compiler reads (a sentence's 「扣N分」
            // expanded), so that the catalogue says what an assessment deducts
            for (org.drools.drl.ast.descr.RuleDescr rule : file.pkg().getRules()) {
                RuleSource source = sources.get(rule.getName());
                if (source != null) {
                    sources.put(rule.getName(), source.withPoints(RuleSource.ownPoints(String.valueOf(rule.getConsequence()))));
                }
            }
        }
        if (ruleFiles.labels() != null) {
            problems.addAll(RuleText.check(LABELS_FILE, new String(ruleFiles.labels(), StandardCharsets.UTF_8)));
            problems.addAll(labelProblems);
        }
        if (statementsContent != null) {
            problems.addAll(RuleText.check(STATEMENTS_FILE, new String(statementsContent, StandardCharsets.UTF_8)));
            problems.addAll(statementProblems);
        } else {
            problems.add(new RuleProblem(STATEMENTS_FILE, 0, "缺少表述定义文件 statements.yaml"));
        }
        problems.addAll(organProblems);
        if (!problems.isEmpty()) {
            throw new InvalidRuleSet(problems);
        }
        BUILDS.incrementAndGet();
        KieBase base = build(parsed, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRuleSet(problems);
        }
        List<RuleInfo> rules = catalogue(base, sources, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRuleSet(problems);
        }
        if (reuse) {
            CompiledRules.keep(hash, base, rules);
        }
        return new Compiled(hash, new RuleSet(version, base, statements, organs, labels, rules));
    }

    /** A rule file as DRL (a .dslr expanded, a decision table generated) and as parsed by Drools' parser. */
    private record Parsed(String name, String drl, PackageDescr pkg) {
    }

    /**
     * The rule base of the parsed files: each file's parse is handed to the compiler as it is (files of one package
     * together), so nothing is parsed twice. A compile error is told at its file and line (a decision table's at its
     * sheet row).
     */
    private static KieBase build(List<Parsed> files, List<RuleProblem> problems) {
        java.util.Map<String, CompositePackageDescr> packages = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> drlOf = new java.util.HashMap<>();
        for (Parsed file : files) {
            Resource resource = ResourceFactory.newByteArrayResource(file.drl().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(file.name());
            drlOf.put(file.name(), file.drl());
            CompositePackageDescr together = packages.get(file.pkg().getNamespace());
            if (together == null) {
                packages.put(file.pkg().getNamespace(), new CompositePackageDescr(resource, file.pkg()));
            } else {
                together.addPackageDescr(resource, file.pkg());
            }
        }
        // a loader of the build's own over the rule classes: the engine's default one would look in the application's
        // loader first, and find every class there
        ClassLoader root = ruleLoader();
        KnowledgeBuilderImpl builder = (KnowledgeBuilderImpl) KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, root));
        builder.buildPackages(packages.values());
        for (KnowledgeBuilderError error : builder.getErrors()) {
            String path = error.getResource() == null || error.getResource().getSourcePath() == null ? "?"
                    : error.getResource().getSourcePath();
            int line = error.getLines() != null && error.getLines().length > 0 ? error.getLines()[0] : 0;
            String message = error.getMessage().strip();
            problems.add(DecisionTables.isDecisionTable(path)
                    ? DecisionTables.problemAt(path, drlOf.get(path), line, message)
                    : new RuleProblem(path, line, message));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        var compiled = builder.getKnowledgePackages();
        for (String p : RuleBytecode.check(RuleBytecode.classesOf(compiled))) {
            problems.add(new RuleProblem(fileOf(p, files), 0, "规则编译后的代码超出了规则可用的范围：" + p));
        }
        for (String p : RuleMvel.check(compiled)) {
            problems.add(new RuleProblem(fileOf(p, files), 0, "规则的条件超出了规则可用的范围：" + p));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return RuleEngine.ruleBase(root, compiled);
    }

    /**
     * A class loader for one ruleset: the engine's project loader (which keeps the classes compiled from the rules)
     * over {@link #RULE_CLASSES}, with no way around it to the application's classes.
     */
    static ClassLoader ruleLoader() {
        return org.drools.wiring.api.classloader.ProjectClassLoader.createProjectClassLoader(RULE_CLASSES);
    }

    /** The rule file a compiled class came from, as far as its name tells (the engine names it after the rule). */
    private static String fileOf(String problem, List<Parsed> files) {
        for (Parsed file : files) {
            for (var rule : file.pkg().getRules()) {
                String flat = rule.getName().replaceAll("[^A-Za-z0-9]", "");
                if (!flat.isEmpty() && problem.replaceAll("[^A-Za-z0-9:]", "").contains(flat)) {
                    return file.name();
                }
            }
        }
        return files.size() == 1 ? files.get(0).name() : "?";
    }

    /** A .dsl as the DSL lexer takes it; a .dslr with its Chinese labels resolved to names first. */
    private static String sentences(String name, byte[] content, java.util.Map<String, String> statementNames) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (name.endsWith(".dslr")) {
            text = ChineseNames.resolve(text, statementNames == null ? java.util.Map.of() : statementNames);
        }
        return DslText.normalize(text);
    }

    /**
     * Nothing is compiled before every rule file passes the closed rule language check ({@link RuleLanguage}) and the
     * name check ({@link RuleNames}): a rule that could run code on the server, or that names what does not exist, is
     * refused with its file and line, and the build stops there. A .dslr that cannot be expanded or a decision table
     * that cannot be read is told in {@code problems}. Each rule file comes back parsed, in file order.
     */
    private static List<Parsed> refuseOutsideTheRuleLanguage(java.util.Map<Path, byte[]> files, boolean checkLanguage,
                                                             RuleNames names,
                                                             java.util.Map<String, String> statementNames,
                                                             List<RuleProblem> problems) {
        List<DSLMapping> mappings = new ArrayList<>();
        for (var entry : files.entrySet()) {
            String name = entry.getKey().getFileName().toString();
            if (name.endsWith(".dsl")) {
                DSLTokenizedMappingFile mapping = new DSLTokenizedMappingFile();
                try {
                    if (mapping.parseAndLoad(new java.io.StringReader(sentences(name, entry.getValue(), statementNames)))) {
                        mappings.add(mapping.getMapping());
                    }
                } catch (IOException e) {
                    problems.add(new RuleProblem(name, 0, "无法读取：" + e.getMessage()));
                }
                mapping.getErrors().forEach(error -> problems.add(new RuleProblem(name, firstLine(error.getLines()),
                        error.getMessage().strip())));
            }
        }
        List<RuleProblem> refused = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        for (var entry : files.entrySet()) {
            String name = entry.getKey().getFileName().toString();
            if (checkLanguage && (name.endsWith(".dsl") || name.endsWith(".dslr") || name.endsWith(".csv"))) {
                // the text as written, before a sentence is expanded or a table turned into rules: at its own lines
                refused.addAll(RuleText.check(name, new String(entry.getValue(), StandardCharsets.UTF_8)));
            }
        }
        for (var entry : files.entrySet()) {
            String name = entry.getKey().getFileName().toString();
            byte[] content = entry.getValue();
            String drlText;
            if (name.endsWith(".dsl")) {
                continue;
            } else if (name.endsWith(".dslr")) {
                DefaultExpander expander = new DefaultExpander();
                mappings.forEach(expander::addDSLMapping);
                drlText = expander.expand(sentences(name, content, statementNames));
                if (expander.hasErrors()) {
                    expander.getErrors().forEach(error -> problems.add(new RuleProblem(name, error.getLine(),
                            error.getMessage().strip())));
                    continue;
                }
            } else if (DecisionTables.isDecisionTable(name)) {
                drlText = DecisionTables.toDrl(name, content, problems);
                if (drlText == null) {
                    continue;
                }
            } else {
                drlText = new String(content, StandardCharsets.UTF_8);
            }
            RuleLanguage.Checked checked = RuleLanguage.parseAndCheck(name, drlText, names);
            List<RuleProblem> found = checked.problems();
            if (DecisionTables.isDecisionTable(name)) {
                // a decision table's problems are told at the sheet row the rule came from, not the generated line
                String generated = drlText;
                found = found.stream().map(p -> DecisionTables.problemAt(name, generated, p.line(), p.message())).toList();
            }
            if (checkLanguage || checked.pkg() == null) {
                refused.addAll(found); // what cannot even be parsed is refused either way
            }
            if (checked.pkg() != null) {
                parsed.add(new Parsed(name, drlText, checked.pkg()));
            }
        }
        if (!refused.isEmpty()) {
            throw new InvalidRuleSet(List.copyOf(new java.util.LinkedHashSet<>(refused)));
        }
        return parsed;
    }

    private static int firstLine(int[] lines) {
        return lines != null && lines.length > 0 ? Math.max(lines[0], 0) : 0;
    }

    /** Each statement kind with its name (the kind itself when it has none). */
    private static java.util.Map<String, String> namesOf(StatementCatalog catalog) {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        catalog.entries().forEach(e -> names.putIfAbsent(e.kind(), e.name() == null ? e.kind() : e.name()));
        return names;
    }

    /** A file the loader compiles: DRL, the rule language (.dsl, .dslr) or a decision table. */
    public static boolean isRuleFile(String name) {
        return name.endsWith(".drl") || name.endsWith(".dslr") || name.endsWith(".dsl") || DecisionTables.isDecisionTable(name);
    }

    private static List<RuleInfo> catalogue(KieBase base, java.util.Map<String, RuleSource> sources,
                                            List<RuleProblem> problems) {
        List<RuleInfo> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (KiePackage pkg : base.getKiePackages()) {
            String category = pkg.getName().substring(pkg.getName().lastIndexOf('.') + 1);
            for (Rule rule : pkg.getRules()) {
                Object check = rule.getMetaData().get("check");
                Object severity = rule.getMetaData().get("severity");
                RuleSource source = sources.getOrDefault(rule.getName(), new RuleSource(pkg.getName(), 0, ""));
                String file = source.file();
                if (check == null || severity == null) {
                    problems.add(new RuleProblem(file, source.line(), "规则「%s」缺少 @check 或 @severity 属性".formatted(rule.getName())));
                    continue;
                }
                String sev = severity.toString();
                if (!Set.of("error", "warning", "info").contains(sev)) {
                    problems.add(new RuleProblem(file, source.line(),
                            "规则「%s」的 @severity 应为 error、warning 或 info，而不是「%s」".formatted(rule.getName(), sev)));
                }
                if (!ids.add(rule.getName())) {
                    problems.add(new RuleProblem(file, source.line(), "规则编号「%s」重复".formatted(rule.getName())));
                }
                rules.add(new RuleInfo(rule.getName(), check.toString(), sev, category, source.description(), file,
                        source.line(), source.points()));
            }
        }
        rules.sort(java.util.Comparator.comparing(RuleInfo::id));
        return rules;
    }

    /** The table labels of labels.yaml (its problems at their lines), or the project's own when there is none. */
    private static LabelCatalog labels(byte[] content, List<RuleProblem> problems) {
        if (content == null) {
            return LabelCatalog.standard();
        }
        List<LabelCatalog.Problem> found = new ArrayList<>();
        LabelCatalog labels = LabelCatalog.parse(content, found);
        found.forEach(p -> problems.add(new RuleProblem(LABELS_FILE, p.line(), p.message())));
        return labels;
    }

    private static StatementCatalog statements(byte[] content, List<RuleProblem> problems) {
        List<StatementCatalog.Entry> entries = new ArrayList<>();
        try {
            JsonNode root = Yaml.MAPPER.readTree(content);
            JsonNode list = root == null ? null : root.get("statements");
            if (list == null || !list.isArray()) {
                problems.add(new RuleProblem(STATEMENTS_FILE, 0, "应有一个 statements: 列表"));
                return StatementCatalog.empty();
            }
            int index = 0;
            for (JsonNode node : list) {
                index++;
                String kind = text(node, "kind");
                String regex = text(node, "pattern");
                if (kind == null || regex == null) {
                    problems.add(new RuleProblem(STATEMENTS_FILE, 0, "第 %d 条表述缺少 kind 或 pattern".formatted(index)));
                    continue;
                }
                Set<Integer> sections = new HashSet<>();
                JsonNode s = node.get("sections");
                if (s != null && s.isArray()) {
                    s.forEach(n -> sections.add(n.asInt()));
                }
                try {
                    entries.add(new StatementCatalog.Entry(kind, text(node, "name"), sections, Pattern.compile(regex),
                            text(node, "reading")));
                } catch (PatternSyntaxException e) {
                    problems.add(new RuleProblem(STATEMENTS_FILE, 0,
                            "表述「%s」的 pattern 不是有效的正则表达式：%s".formatted(kind, e.getDescription())));
                }
            }
        } catch (RuntimeException e) {
            problems.add(new RuleProblem(STATEMENTS_FILE, 0, "无法解析：" + e.getMessage()));
        }
        return new StatementCatalog(entries);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static byte[] read(Path file, List<RuleProblem> problems) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(new RuleProblem(file.getFileName().toString(), 0, "无法读取：" + e.getMessage()));
            return new byte[0];
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
