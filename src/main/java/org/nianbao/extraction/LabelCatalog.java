package org.nianbao.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.nianbao.reading.TextNormalizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * How reports print the rows and columns of tables 2, 3 and 4 ({@code rules/labels.yaml}): for each canonical key,
 * the words that name it, and the numbering styles put before a label (一、 (一) (1) 1. 1、 ①). Policy staff keep it
 * with the rules; the keys and their order are the format's ({@link TableLayout}), the words are the catalogue's.
 *
 * <p>A label is named by a key when it contains one of its {@code words}; or, with numbering removed, equals one of
 * its {@code exact} words (and is numbered, when the key says {@code numbered}); or begins with one of its
 * {@code starts} words. A report's variants (其它 for 其他, 合计 for 总计) are more words of the same key.
 */
public final class LabelCatalog {

    public static final String FILE = "labels.yaml";
    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static volatile LabelCatalog standard;

    /** The words of one key. */
    public record Words(List<String> words, List<String> exact, List<String> starts, boolean numbered) {

        public Words {
            words = List.copyOf(words);
            exact = List.copyOf(exact);
            starts = List.copyOf(starts);
        }

        /** Every way the key is written, as the catalogue lists them (for the method page). */
        public List<String> all() {
            List<String> all = new ArrayList<>(words);
            exact.forEach(w -> all.add(w + "（整个名称）"));
            starts.forEach(w -> all.add(w + "…（开头）"));
            return all;
        }
    }

    /** table ("2", "3", "4") → "row"/"column" → key → words. */
    private final Map<String, Words> words;
    private final List<String> numbering;
    /** What a numbering prefix is: one or more of the styles, one after another. */
    private final Pattern numbered;
    private final String digest;

    /**
     * Table → the words of its rows (columns), in the order of {@link TableLayout#rowsOf} ({@link
     * TableLayout#columnsOf}): each printed label of a report is looked up against them, so they are laid out once.
     */
    private final Map<String, Words[]> rowWords = new java.util.HashMap<>();
    private final Map<String, Words[]> columnWords = new java.util.HashMap<>();

    private LabelCatalog(Map<String, Words> words, List<String> numbering, String digest) {
        this.words = Map.copyOf(words);
        for (String table : List.of("2", "3", "4")) {
            rowWords.put(table, inOrder(table, "rows", TableLayout.rowsOf(table)));
            columnWords.put(table, inOrder(table, "columns", TableLayout.columnsOf(table)));
        }
        this.numbering = List.copyOf(numbering);
        this.digest = digest;
        StringBuilder styles = new StringBuilder();
        for (String style : numbering) {
            if (!styles.isEmpty()) {
                styles.append('|');
            }
            styles.append(style(style));
        }
        this.numbered = Pattern.compile(styles.isEmpty() ? "(?!)" : "(?:" + styles + ")+");
    }

    /** A numbering style as written in the catalogue (「(一)」「1.」「①」) as an expression: 一 any Chinese numeral, 1 any figures. */
    private static String style(String written) {
        StringBuilder s = new StringBuilder();
        for (char c : TextNormalizer.compact(TextNormalizer.normalize(written)).toCharArray()) {
            if (c == '一') {
                s.append("[一二三四五六七八九十]{1,3}");
            } else if (c == '1') {
                s.append("\\d{1,2}");
            } else if (c == '①') {
                s.append("[①-⑳]");
            } else {
                s.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return s.toString();
    }

    /** The catalogue the project ships (the bundled {@code rules/labels.yaml}), for extraction without a ruleset. */
    public static LabelCatalog standard() {
        LabelCatalog c = standard;
        if (c == null) {
            try (InputStream in = LabelCatalog.class.getResourceAsStream("/bundle/rules/" + FILE)) {
                if (in == null) {
                    throw new IllegalStateException("the bundled " + FILE + " is missing");
                }
                List<Problem> problems = new ArrayList<>();
                c = parse(in.readAllBytes(), problems);
                if (!problems.isEmpty()) {
                    throw new IllegalStateException("the bundled " + FILE + " is invalid: " + problems);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            standard = c;
        }
        return c;
    }

    /** A problem of the file, at its line (0 when it cannot be told). */
    public record Problem(int line, String message) {
    }

    /** The catalogue of a file's content; what is wrong with it goes to {@code problems}. */
    public static LabelCatalog parse(byte[] content, List<Problem> problems) {
        String text = new String(content, StandardCharsets.UTF_8);
        Map<String, Words> words = new LinkedHashMap<>();
        List<String> numbering = new ArrayList<>();
        try {
            JsonNode root = YAML.readTree(content);
            if (root == null || root.get("tables") == null || !root.get("tables").isObject()) {
                problems.add(new Problem(0, "应有一个 tables: 部分（表2、表3、表4 的行和栏）"));
                return new LabelCatalog(words, numbering, digest(content));
            }
            JsonNode styles = root.get("numbering");
            if (styles != null && styles.isArray()) {
                styles.forEach(s -> numbering.add(s.asString()));
            }
            for (String style : numbering) {
                if (style.isBlank() || style.length() > 6) {
                    problems.add(new Problem(lineOf(text, style), "序号样式「" + style + "」应是一个序号的写法，如「(一)」「1.」「①」"));
                }
            }
            for (String table : TableLayout.TABLES) {
                JsonNode t = root.get("tables").get(table);
                for (String kind : List.of("rows", "columns")) {
                    JsonNode list = t == null ? null : t.get(kind);
                    List<String> keys = "rows".equals(kind) ? TableLayout.rowKeys(table) : TableLayout.columnKeys(table);
                    if (list != null && list.isArray()) {
                        for (JsonNode entry : list) {
                            String key = entry.get("key") == null ? null : entry.get("key").asString();
                            if (key == null || !keys.contains(key)) {
                                problems.add(new Problem(lineOf(text, "key: " + key), "表" + table + "没有「" + key + "」这一"
                                        + ("rows".equals(kind) ? "行" : "栏") + "，可用的名称：" + String.join("、", keys)));
                                continue;
                            }
                            Words w = new Words(texts(entry.get("words")), texts(entry.get("exact")),
                                    texts(entry.get("starts")), entry.get("numbered") != null && entry.get("numbered").asBoolean());
                            if (w.words().isEmpty() && w.exact().isEmpty() && w.starts().isEmpty()) {
                                problems.add(new Problem(lineOf(text, "key: " + key), "「" + key + "」没有写法（words、exact 或 starts）"));
                            }
                            words.put(id(table, kind, key), w);
                        }
                    }
                    for (String key : keys) {
                        if (!words.containsKey(id(table, kind, key))) {
                            problems.add(new Problem(0, "缺少表" + table + "「" + key + "」（" + ("rows".equals(kind)
                                    ? TableLayout.rowLabel(table, key) : TableLayout.columnLabel(table, key)) + "）的写法"));
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            problems.add(new Problem(0, "无法解析：" + e.getMessage()));
        }
        return new LabelCatalog(words, numbering, digest(content));
    }

    private static List<String> texts(JsonNode list) {
        List<String> texts = new ArrayList<>();
        if (list != null && list.isArray()) {
            // compared with a label as it is compared: white space removed, full-width punctuation made plain
            list.forEach(n -> texts.add(TextNormalizer.compact(TextNormalizer.normalize(n.asString()))));
        } else if (list != null && !list.isNull()) {
            texts.add(TextNormalizer.compact(TextNormalizer.normalize(list.asString())));
        }
        texts.removeIf(String::isEmpty);
        return texts;
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        return at < 0 ? 0 : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String id(String table, String kind, String key) {
        return table + "/" + kind + "/" + key;
    }

    private static String digest(byte[] content) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(content);
            return java.util.HexFormat.of().formatHex(d).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A hash of the catalogue's content (part of the extractor's version). */
    public String digest() {
        return digest;
    }

    /** The numbering styles, as written. */
    public List<String> numbering() {
        return numbering;
    }

    /** The words of a table's row ({@code kind} "rows") or column ("columns"). */
    public Words words(String table, String kind, String key) {
        return words.get(id(table, kind, key));
    }

    private Words[] inOrder(String table, String kind, List<TableLayout.Key> keys) {
        Words[] inOrder = new Words[keys.size()];
        for (int i = 0; i < inOrder.length; i++) {
            inOrder[i] = words(table, kind, keys.get(i).key());
        }
        return inOrder;
    }

    /** The row of a table a printed label names (the one-row 三(六)其他处理 included), or {@code null}. */
    public TableLayout.Key row(String table, String compactLabel) {
        return first(TableLayout.rowsOf(table), table == null ? null : rowWords.get(table), compactLabel);
    }

    /** The column of a table a printed label names, or {@code null}. */
    public TableLayout.Key column(String table, String compactLabel) {
        return first(TableLayout.columnsOf(table), table == null ? null : columnWords.get(table), compactLabel);
    }

    /** Table 三's 「(六)其他处理」 printed as one row. */
    boolean table3Other(String compactLabel) {
        return matches(words("3", "rows", TableLayout.TABLE3_OTHER.key()), compactLabel, true);
    }

    /** 「其他」 with no number of its own, after 「(六)其他处理」: the third of its sub-rows. */
    boolean otherMiscUnnumbered(String compactLabel) {
        return matches(words("3", "rows", "other_misc"), compactLabel, false);
    }

    private TableLayout.Key first(List<TableLayout.Key> keys, Words[] words, String label) {
        for (int i = 0; words != null && i < words.length; i++) {
            if (matches(words[i], label, true)) {
                return keys.get(i);
            }
        }
        return null;
    }

    private boolean matches(Words w, String label, boolean numberingAsWritten) {
        if (w == null) {
            return false;
        }
        // by index, not by iterator: this runs for every label of every report
        List<String> contained = w.words();
        for (int i = 0; i < contained.size(); i++) {
            if (label.contains(contained.get(i))) {
                return true;
            }
        }
        List<String> exact = w.exact();
        for (int i = 0; i < exact.size(); i++) {
            String word = exact.get(i);
            if (label.endsWith(word)) {
                String prefix = label.substring(0, label.length() - word.length());
                if (prefix.isEmpty() ? !(w.numbered() && numberingAsWritten) : numbered.matcher(prefix).matches()) {
                    return true;
                }
            }
        }
        List<String> starts = w.starts();
        for (int i = 0; i < starts.size(); i++) {
            int at = label.indexOf(starts.get(i));
            if (at == 0 || at > 0 && numbered.matcher(label.substring(0, at)).matches()) {
                return true;
            }
        }
        return false;
    }

    /** What a printed label is read as: 「row key」, 「column key」 or 「none」 (rows first). */
    public String reading(String table, String label) {
        String compact = TextNormalizer.compact(TextNormalizer.normalize(label));
        TableLayout.Key row = row(table, compact);
        if (row == null && "3".equals(table) && table3Other(compact)) {
            row = TableLayout.TABLE3_OTHER;
        }
        if (row != null) {
            return "row " + row.key();
        }
        TableLayout.Key column = column(table, compact);
        return column != null ? "column " + column.key() : "none";
    }
}
