package org.nianbao.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.nianbao.rules.RuleSetLoader;

/**
 * The content of a ruleset's files — rule files, decision tables, the DSL, statements, the rule tests with their
 * reports (under {@code tests/}), the scorecard in force under the name {@code scorecard.yaml} and every scorecard kept
 * beside it (under {@code scorecards/}) — as stored with each
 * activation, so that a version can be compared with another, reactivated later, and tested with its own tests.
 * Spreadsheets and other binary files are kept as {@code base64:…}.
 */
public record RulesetFiles(Map<String, String> files) {

    public static final String SCORECARD = "scorecard.yaml";
    /** The folder of the scorecards a request may choose instead of the one in force. */
    public static final String SCORECARDS = "scorecards";
    private static final String BASE64 = "base64:";

    /** The stored form of a file's bytes: text as it is, a spreadsheet (or anything not UTF-8 text) in base64. */
    public static String content(String name, byte[] bytes) {
        return isBinary(name) || !isUtf8(bytes) ? BASE64 + java.util.Base64.getEncoder().encodeToString(bytes)
                : new String(bytes, StandardCharsets.UTF_8);
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /** A rule test file or one of its reports: kept under {@code tests/}. */
    public static boolean isTestFile(String name) {
        return name.startsWith(RuleCases.FOLDER + "/");
    }

    /** One of the scorecards kept beside the one in force: under {@code scorecards/}. */
    public static boolean isKeptScorecard(String name) {
        return name.startsWith(SCORECARDS + "/");
    }

    /** A stored name is a plain relative path inside the bundle: no {@code ..}, no root, no backslash. */
    static boolean isSafeName(String name) {
        return !name.isBlank() && !name.startsWith("/") && !name.contains("\\") && !name.contains(":")
                && java.util.Arrays.stream(name.split("/")).noneMatch(part -> part.isEmpty() || part.equals("..") || part.equals("."));
    }

    static boolean isBinary(String name) {
        return name.endsWith(".xlsx") || name.endsWith(".xls");
    }

    /** A file the ruleset is made of (rules, decision tables, statements, table labels, the organ table). */
    public static boolean isRulesetFile(String name) {
        return RuleSetLoader.isRuleFile(name) || name.equals(RuleSetLoader.STATEMENTS_FILE)
                || name.equals(RuleSetLoader.LABELS_FILE) || name.equals(RuleSetLoader.ORGANS_FILE);
    }

    public RulesetFiles {
        for (String name : files.keySet()) {
            if (!isSafeName(name)) {
                throw new IllegalArgumentException("规则文件名不合规：" + name);
            }
        }
        files = Map.copyOf(new TreeMap<>(files));
    }

    /** The rule files and the scorecard in force, without the rule tests and the scorecards kept beside it. */
    public Map<String, String> ruleFiles() {
        Map<String, String> rules = new TreeMap<>(files);
        rules.keySet().removeIf(name -> isTestFile(name) || isKeptScorecard(name));
        return rules;
    }

    /** The rule files of a folder, its rule tests (the {@code tests/} folder, reports included) and a scorecard file. */
    public static RulesetFiles read(Path rulesDir, Path scorecard) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(rulesDir)) {
            for (Path f : list.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                if (isRulesetFile(name)) {
                    files.put(name, content(name, Files.readAllBytes(f)));
                }
            }
            Path tests = rulesDir.resolve(RuleCases.FOLDER);
            if (Files.isDirectory(tests)) {
                try (Stream<Path> walk = Files.walk(tests)) {
                    for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                        String name = rulesDir.relativize(f).toString().replace(java.io.File.separatorChar, '/');
                        files.put(name, content(name, Files.readAllBytes(f)));
                    }
                }
            }
            files.put(SCORECARD, Files.readString(scorecard, StandardCharsets.UTF_8));
            // the scorecards kept beside it: a bundle's own scorecards/ folder, else the folder of the scorecard
            Path kept = Files.isDirectory(rulesDir.resolve(SCORECARDS)) ? rulesDir.resolve(SCORECARDS)
                    : scorecard.toAbsolutePath().normalize().getParent();
            if (kept != null && !kept.toAbsolutePath().normalize().equals(rulesDir.toAbsolutePath().normalize())
                    && Files.isDirectory(kept)) {
                try (Stream<Path> cards = Files.list(kept)) {
                    for (Path f : cards.filter(p -> p.getFileName().toString().matches(".*\\.(yaml|yml|xlsx)$")).sorted().toList()) {
                        String name = SCORECARDS + "/" + f.getFileName();
                        files.put(name, content(name, Files.readAllBytes(f)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RulesetFiles(files);
    }

    /**
     * Writes the files into a fresh temporary folder, gives {@code work} the folder and the scorecard's path in it,
     * and removes the folder whatever happens.
     */
    public <T> T inFolder(java.util.function.BiFunction<Path, Path, T> work) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("ruleset-");
            return work.apply(dir, writeTo(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TempFolders.delete(dir);
        }
    }

    /** Writes the files into {@code dir} (the scorecard as scorecard.yaml) and returns the scorecard's path. */
    public Path writeTo(Path dir) {
        try {
            for (var e : files.entrySet()) {
                Path target = dir.resolve(e.getKey()).normalize();
                if (!target.startsWith(dir.normalize())) {
                    throw new IllegalArgumentException("规则文件名不合规：" + e.getKey());
                }
                Files.createDirectories(target.getParent());
                if (e.getValue().startsWith(BASE64)) {
                    Files.write(target, java.util.Base64.getDecoder().decode(e.getValue().substring(BASE64.length())));
                } else {
                    Files.writeString(target, e.getValue(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.resolve(SCORECARD);
    }

    /** What changed from {@code before}: files added, removed, and changed with their lines added and removed. */
    public String diffFrom(RulesetFiles before) {
        if (before == null) {
            long tests = files.keySet().stream().filter(RulesetFiles::isTestFile).count();
            java.util.Set<String> named = new java.util.TreeSet<>(files.keySet());
            named.removeIf(RulesetFiles::isTestFile);
            return "首次启用：" + String.join("、", named)
                    + (tests == 0 ? "" : "，规则测试 " + tests + " 个文件（tests/）");
        }
        List<String> changes = new ArrayList<>();
        for (String name : new java.util.TreeSet<>(java.util.Set.copyOf(concat(files.keySet(), before.files.keySet())))) {
            String now = files.get(name);
            String then = before.files.get(name);
            if (then == null) {
                changes.add("新增 " + name);
            } else if (now == null) {
                changes.add("删除 " + name);
            } else if (!now.equals(then) && isBinary(name)) {
                changes.add("修改 " + name + "（电子表格）");
            } else if (!now.equals(then) && now.startsWith(BASE64)) {
                changes.add("修改 " + name);
            } else if (!now.equals(then) && isTestFile(name) && !name.endsWith(".yaml")) {
                changes.add("修改 " + name + "（测试报告）");
            } else if (!now.equals(then)) {
                List<String> a = List.of(then.split("\\R", -1));
                List<String> b = List.of(now.split("\\R", -1));
                List<String> removed = minus(a, b);
                List<String> added = minus(b, a);
                StringBuilder sb = new StringBuilder("修改 " + name + "：");
                removed.stream().filter(l -> !l.isBlank()).limit(20).forEach(l -> sb.append("\n  - ").append(l.strip()));
                added.stream().filter(l -> !l.isBlank()).limit(20).forEach(l -> sb.append("\n  + ").append(l.strip()));
                changes.add(sb.toString());
            }
        }
        return changes.isEmpty() ? "与当前启用的版本相同" : String.join("\n", changes);
    }

    /** The lines of {@code a} that {@code b} does not have, counting repeated lines (a multiset difference). */
    private static List<String> minus(List<String> a, List<String> b) {
        Map<String, Integer> left = new java.util.HashMap<>();
        b.forEach(line -> left.merge(line, 1, Integer::sum));
        List<String> result = new ArrayList<>();
        for (String line : a) {
            if (left.getOrDefault(line, 0) > 0) {
                left.merge(line, -1, Integer::sum);
            } else {
                result.add(line);
            }
        }
        return result;
    }

    private static List<String> concat(java.util.Set<String> a, java.util.Set<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
