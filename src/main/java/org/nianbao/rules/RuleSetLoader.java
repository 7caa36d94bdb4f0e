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
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.nianbao.extraction.StatementCatalog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Builds a ruleset from a folder of rule files at run time: DRL ({@code *.drl}), the Chinese rule language
 * ({@code *.dsl} sentences used by {@code *.dslr} rules), spreadsheet decision tables ({@code *.drl.xlsx},
 * {@code *.drl.csv}) and {@code statements.yaml}.
 * Every problem is reported with its file and line; a ruleset with any problem is refused whole.
 */
public final class RuleSetLoader {

    public static final String STATEMENTS_FILE = "statements.yaml";
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?");
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    /** The application's classes as every compile asks for them (see {@link RememberingClassLoader}). */
    private static final ClassLoader COMPILER_CLASSES = new RememberingClassLoader(RuleSetLoader.class.getClassLoader());

    private RuleSetLoader() {
    }

    /**
     * The ruleset of the files in {@code dir}; compiled, unless rule files of the same content were compiled before
     * (see {@link CompiledRules}).
     */
    public static RuleSet load(Path dir) {
        return load(dir, true).ruleSet();
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
        return load(dir, false);
    }

    private static Compiled load(Path dir, boolean reuse) {
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
        MessageDigest digest = sha256();
        contents.forEach((file, content) -> {
            digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            digest.update(content);
        });
        if (statementsContent != null) {
            digest.update(statementsContent);
        }
        String hash = HexFormat.of().formatHex(digest.digest());
        String version = hash.substring(0, 12);
        List<RuleProblem> statementProblems = new ArrayList<>();
        StatementCatalog statements = statementsContent == null ? StatementCatalog.empty()
                : statements(statementsContent, statementProblems);
        if (reuse && problems.isEmpty() && statementsContent != null && statementProblems.isEmpty()) {
            var found = CompiledRules.find(hash);
            if (found.isPresent()) {
                return new Compiled(hash, new RuleSet(version, found.get().base(), statements, found.get().rules()));
            }
        }
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId release = ks.newReleaseId("org.nianbao", "ruleset", "1.0." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(release);
        java.util.Map<String, RuleSource> sources = new java.util.HashMap<>();
        java.util.Map<String, String> generated = new java.util.HashMap<>(); // decision table → its DRL
        // the statements' kinds and names, when statements.yaml can be read (else it is reported below)
        java.util.Map<String, String> statementNames = statementsContent == null || !statementProblems.isEmpty() ? null
                : namesOf(statements);
        java.util.Map<String, String> tables = new java.util.HashMap<>(); // decision table → its DRL, made once
        refuseOutsideTheRuleLanguage(contents, new RuleNames(statementNames == null ? null : statementNames.keySet()),
                statementNames, tables);
        for (var entry : contents.entrySet()) {
            Path file = entry.getKey();
            byte[] content = entry.getValue();
            String name = file.getFileName().toString();
            sources.putAll(RuleSource.scan(name, new String(content, StandardCharsets.UTF_8)));
            if (name.endsWith(".dsl") || name.endsWith(".dslr")) {
                content = sentences(name, content, statementNames).getBytes(StandardCharsets.UTF_8);
            } else if (DecisionTables.isDecisionTable(name)) {
                String drlText = tables.containsKey(name) ? tables.get(name) : DecisionTables.toDrl(name, content, problems);
                if (drlText == null) {
                    continue;
                }
                generated.put(name, drlText);
                sources.putAll(RuleSource.scan(name, drlText));
                content = drlText.getBytes(StandardCharsets.UTF_8);
                kfs.write(resourcePath(file, content).replace(name, name + ".drl"), content);
                continue;
            }
            kfs.write(resourcePath(file, content), content);
        }
        if (statementsContent != null) {
            problems.addAll(statementProblems);
        } else {
            problems.add(new RuleProblem(STATEMENTS_FILE, 0, "缺少表述定义文件 statements.yaml"));
        }
        KieBuilder builder = ks.newKieBuilder(kfs, COMPILER_CLASSES).buildAll();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            String path = m.getPath() == null ? "?" : m.getPath().substring(m.getPath().lastIndexOf('/') + 1);
            if (path.endsWith(".drl.xlsx.drl") || path.endsWith(".drl.xls.drl") || path.endsWith(".drl.csv.drl")) {
                String table = path.substring(0, path.length() - 4);
                problems.add(DecisionTables.problemAt(table, generated.get(table), m.getLine(), m.getText().strip()));
            } else {
                problems.add(new RuleProblem(path, m.getLine(), m.getText().strip()));
            }
        }
        if (!problems.isEmpty()) {
            ks.getRepository().removeKieModule(release);
            throw new InvalidRuleSet(problems);
        }
        KieBase base = ks.newKieContainer(release, COMPILER_CLASSES).getKieBase();
        ks.getRepository().removeKieModule(release);
        List<RuleInfo> rules = catalogue(base, sources, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRuleSet(problems);
        }
        if (reuse) {
            CompiledRules.keep(hash, base, rules);
        }
        return new Compiled(hash, new RuleSet(version, base, statements, rules));
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
     * refused with its file and line, and the build stops there. A decision table's DRL goes into {@code tables}.
     */
    private static void refuseOutsideTheRuleLanguage(java.util.Map<Path, byte[]> files, RuleNames names,
                                                     java.util.Map<String, String> statementNames,
                                                     java.util.Map<String, String> tables) {
        List<RuleProblem> refused = new ArrayList<>();
        StringBuilder dsl = new StringBuilder();
        files.forEach((file, content) -> {
            if (file.getFileName().toString().endsWith(".dsl")) {
                dsl.append(DslText.normalize(new String(content, StandardCharsets.UTF_8))).append('\n');
            }
        });
        for (var entry : files.entrySet()) {
            String name = entry.getKey().getFileName().toString();
            byte[] content = entry.getValue();
            if (name.endsWith(".dsl")) {
                continue;
            }
            String drlText;
            if (name.endsWith(".dslr")) {
                try {
                    drlText = new org.drools.drl.parser.DrlParser().getExpandedDRL(
                            sentences(name, content, statementNames), new java.io.StringReader(dsl.toString()));
                } catch (org.drools.drl.parser.DroolsParserException | RuntimeException e) {
                    continue; // the compiler reports it with its line
                }
            } else if (DecisionTables.isDecisionTable(name)) {
                drlText = DecisionTables.toDrl(name, content, new ArrayList<>());
                if (drlText == null) {
                    continue; // the compile step reports why
                }
                tables.put(name, drlText);
            } else {
                drlText = new String(content, StandardCharsets.UTF_8);
            }
            List<RuleProblem> found = RuleLanguage.check(name, drlText, names);
            if (DecisionTables.isDecisionTable(name)) {
                // a decision table's problems are told at the sheet row the rule came from, not the generated line
                String generated = drlText;
                found = found.stream().map(p -> DecisionTables.problemAt(name, generated, p.line(), p.message())).toList();
            }
            refused.addAll(found);
        }
        if (!refused.isEmpty()) {
            throw new InvalidRuleSet(refused);
        }
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

    /** Drools expects a rule file in the folder of its package (rules.arithmetic → rules/arithmetic/). */
    private static String resourcePath(Path file, byte[] content) {
        if (file.getFileName().toString().endsWith(".dsl")) {
            return "src/main/resources/rules/" + file.getFileName();
        }
        java.util.regex.Matcher m = PACKAGE.matcher(new String(content, StandardCharsets.UTF_8));
        String folder = m.find() ? m.group(1).replace('.', '/') : "rules";
        return "src/main/resources/" + folder + "/" + file.getFileName();
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

    private static StatementCatalog statements(byte[] content, List<RuleProblem> problems) {
        List<StatementCatalog.Entry> entries = new ArrayList<>();
        try {
            JsonNode root = YAML.readTree(content);
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
                    entries.add(new StatementCatalog.Entry(kind, text(node, "name"), sections, Pattern.compile(regex)));
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
