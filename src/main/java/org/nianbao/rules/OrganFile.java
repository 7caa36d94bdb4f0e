package org.nianbao.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.nianbao.extraction.OrganCatalog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the organ table, {@code rules/organs.yaml}: every problem told at its line in the file (a deadline that is not
 * a date, a duty no kind could have, a pattern that is not a regular expression, a level that is none of the three).
 */
public final class OrganFile {

    public static final String NAME = "organs.yaml";
    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static final Set<String> LEVELS = Set.of("government", "department", "township");
    /** The table the application carries, for a ruleset written before the table existed. */
    private static final String BUNDLED = "bundle/rules/" + NAME;

    private OrganFile() {
    }

    /** The table in {@code content}; what is wrong with it goes to {@code problems}. */
    public static OrganCatalog read(byte[] content, List<RuleProblem> problems) {
        String text = new String(content, StandardCharsets.UTF_8);
        List<OrganCatalog.Duty> duties = new ArrayList<>();
        List<OrganCatalog.Kind> kinds = new ArrayList<>();
        OrganCatalog.Kind unknown = null;
        Map<String, String> givenLevels = new LinkedHashMap<>();
        List<String> areas = new ArrayList<>();
        try {
            JsonNode root = YAML.readTree(content);
            if (root == null || !root.isObject()) {
                problems.add(new RuleProblem(NAME, 0, "应有 duties:、kinds:、unknown: 三部分"));
                return null;
            }
            Set<String> dutyIds = new HashSet<>();
            for (JsonNode node : list(root, "duties")) {
                String id = text(node, "id");
                if (id == null || text(node, "basis") == null) {
                    problems.add(new RuleProblem(NAME, lineOf(text, "id: " + id), "义务「%s」缺少 id 或 basis（依据）".formatted(id)));
                    continue;
                }
                if (!dutyIds.add(id)) {
                    problems.add(new RuleProblem(NAME, lineOf(text, "id: " + id), "义务「%s」重复".formatted(id)));
                }
                duties.add(new OrganCatalog.Duty(id, text(node, "name"), text(node, "basis"), strings(node, "rules")));
            }
            Set<String> kindIds = new HashSet<>();
            for (JsonNode node : list(root, "kinds")) {
                OrganCatalog.Kind kind = kind(node, text, dutyIds, problems);
                if (kind == null) {
                    continue;
                }
                if (!kindIds.add(kind.kind()) || kind.kind().equals(OrganCatalog.UNKNOWN)) {
                    problems.add(new RuleProblem(NAME, lineOf(text, "kind: " + kind.kind()),
                            "机关种类「%s」重复（或用了保留的名称 unknown）".formatted(kind.kind())));
                }
                kinds.add(kind);
            }
            if (kinds.isEmpty()) {
                problems.add(new RuleProblem(NAME, 0, "kinds: 中没有任何机关种类"));
            }
            JsonNode u = root.get("unknown");
            if (u == null || !u.isObject()) {
                problems.add(new RuleProblem(NAME, 0, "缺少 unknown:（认不出机关时按什么期限）"));
            } else {
                unknown = new OrganCatalog.Kind(OrganCatalog.UNKNOWN, orElse(text(u, "name"), "未能确定的机关"), null,
                        List.of(), List.of(), List.of(), deadline(u, text, "unknown:", problems), text(u, "deadlineBasis"),
                        checkedDuties(u, text, "unknown:", dutyIds, problems), text(u, "note"));
            }
            JsonNode given = root.get("givenLevels");
            if (given != null && given.isObject()) {
                for (var e : given.properties()) {
                    String level = e.getKey();
                    String kind = e.getValue().asString();
                    int line = lineOf(text, level + ": " + kind);
                    if (!LEVELS.contains(level)) {
                        problems.add(new RuleProblem(NAME, line, "givenLevels 的层级应为 government、department 或 township，而不是「%s」".formatted(level)));
                    } else if (!kindIds.contains(kind)) {
                        problems.add(new RuleProblem(NAME, line, "givenLevels.%s 的机关种类「%s」不在 kinds: 中".formatted(level, kind)));
                    }
                    givenLevels.put(level, kind);
                }
            }
            areas.addAll(strings(root, "areasWithoutGovernment"));
        } catch (RuntimeException e) {
            problems.add(new RuleProblem(NAME, 0, "无法解析：" + e.getMessage()));
            return null;
        }
        return unknown == null ? null : new OrganCatalog(duties, kinds, unknown, givenLevels, areas);
    }

    /** The table the application carries: for a ruleset folder without {@code organs.yaml}. */
    public static byte[] bundled() {
        try (InputStream in = OrganFile.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the application carries no " + BUNDLED);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OrganCatalog.Kind kind(JsonNode node, String text, Set<String> dutyIds, List<RuleProblem> problems) {
        String id = text(node, "kind");
        String where = "kind: " + id;
        int line = lineOf(text, where);
        if (id == null || text(node, "name") == null) {
            problems.add(new RuleProblem(NAME, line, "机关种类缺少 kind 或 name"));
            return null;
        }
        String level = text(node, "level");
        if (!LEVELS.contains(String.valueOf(level))) {
            problems.add(new RuleProblem(NAME, line,
                    "机关种类「%s」的 level 应为 government、department 或 township，而不是「%s」".formatted(id, level)));
        }
        List<Pattern> patterns = new ArrayList<>();
        for (String p : strings(node, "patterns")) {
            try {
                patterns.add(Pattern.compile(p));
            } catch (PatternSyntaxException e) {
                problems.add(new RuleProblem(NAME, line,
                        "机关种类「%s」的 patterns 不是有效的正则表达式：%s".formatted(id, e.getDescription())));
            }
        }
        List<String> names = strings(node, "names");
        List<String> endings = strings(node, "endings");
        if (names.isEmpty() && endings.isEmpty() && patterns.isEmpty()) {
            problems.add(new RuleProblem(NAME, line, "机关种类「%s」没有 names、endings 或 patterns，无法认出".formatted(id)));
        }
        return new OrganCatalog.Kind(id, text(node, "name"), level, names, endings, patterns,
                deadline(node, text, where, problems), text(node, "deadlineBasis"),
                checkedDuties(node, text, where, dutyIds, problems), text(node, "note"));
    }

    private static MonthDay deadline(JsonNode node, String text, String where, List<RuleProblem> problems) {
        String md = text(node, "deadline");
        try {
            return MonthDay.parse("--" + md);
        } catch (DateTimeException | NullPointerException e) {
            problems.add(new RuleProblem(NAME, lineOf(text, where),
                    "%s 的 deadline 应为「月-日」，如 \"01-31\"，而不是「%s」".formatted(where, md)));
            return MonthDay.of(1, 31);
        }
    }

    private static Set<String> checkedDuties(JsonNode node, String text, String where, Set<String> dutyIds,
                                             List<RuleProblem> problems) {
        Set<String> duties = new HashSet<>();
        for (String d : strings(node, "duties")) {
            if (!dutyIds.contains(d)) {
                List<String> near = RuleNames.nearest(d, List.copyOf(dutyIds));
                problems.add(new RuleProblem(NAME, lineOf(text, where), "%s 的义务「%s」不在 duties: 中%s".formatted(where, d,
                        near.isEmpty() ? "" : "，是不是「" + String.join("」或「", near) + "」？")));
            }
            duties.add(d);
        }
        return duties;
    }

    private static Iterable<JsonNode> list(JsonNode root, String field) {
        JsonNode v = root.get(field);
        return v != null && v.isArray() ? v : List.of();
    }

    private static List<String> strings(JsonNode node, String field) {
        JsonNode v = node.get(field);
        List<String> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(n -> out.add(n.asString().strip()));
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static String orElse(String value, String other) {
        return value == null ? other : value;
    }

    /** The line (1-based) where {@code needle} first occurs, 0 when it does not. */
    static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        if (at < 0) {
            return 0;
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
