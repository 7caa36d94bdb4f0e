package org.nianbao.rules;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.extraction.FactNames;

/**
 * Lets a sentence of the Chinese rule language name rows, columns and statements as the format prints them:
 * {@code 表3的「本年新收」行「自然人」列大于0} becomes {@code 表3的"new_received"行"natural_person"列大于0}, and
 * {@code 第6部分没有说明「信息处理费」} becomes {@code 第6部分没有说明"information_fee"}, before the sentences are
 * expanded. A label is the printed label (numbering aside), or its beginning or a part of it that only one row
 * (column, statement) has; the canonical
 * name itself is accepted too. A label that names nothing, or more than one thing, is left as written, and the
 * name check refuses it with the names there are.
 */
final class ChineseNames {

    private static final String OPEN = "[「“\"]";
    private static final String CLOSE = "[」”\"]";
    private static final Pattern CELL = Pattern.compile(
            "表([234])的?" + OPEN + "([^」”\"]+)" + CLOSE + "行(?:" + OPEN + "([^」”\"]+)" + CLOSE + "列)?");
    private static final Pattern STATEMENT = Pattern.compile("说明了?" + OPEN + "([^」”\"]+)" + CLOSE);

    private ChineseNames() {
    }

    /**
     * {@code dslr} with the labels its conditions use replaced by canonical names; {@code statements} is kind → name.
     * Only the lines between {@code when} and {@code then} are read: a message may quote a label as it likes.
     */
    static String resolve(String dslr, Map<String, String> statements) {
        String[] lines = dslr.split("\n", -1);
        boolean condition = false;
        for (int i = 0; i < lines.length; i++) {
            String word = lines[i].strip();
            if (word.equals("when")) {
                condition = true;
            } else if (word.equals("then") || word.equals("end")) {
                condition = false;
            } else if (condition) {
                lines[i] = resolveLine(lines[i], statements);
            }
        }
        return String.join("\n", lines);
    }

    private static String resolveLine(String dslr, Map<String, String> statements) {
        Matcher cell = CELL.matcher(dslr);
        StringBuilder out = new StringBuilder();
        while (cell.find()) {
            String table = cell.group(1);
            String row = name(cell.group(2), FactNames.rows(table), r -> FactNames.rowLabel(table, r));
            String replaced = "表" + table + "的\"" + row + "\"行";
            if (cell.group(3) != null) {
                replaced += "\"" + name(cell.group(3), FactNames.columns(table), c -> FactNames.columnLabel(table, c)) + "\"列";
            }
            cell.appendReplacement(out, Matcher.quoteReplacement(replaced));
        }
        cell.appendTail(out);

        Matcher statement = STATEMENT.matcher(out.toString());
        StringBuilder result = new StringBuilder();
        while (statement.find()) {
            String kind = name(statement.group(1), List.copyOf(statements.keySet()), statements::get);
            String said = statement.group().startsWith("说明了") ? "说明了" : "说明";
            statement.appendReplacement(result, Matcher.quoteReplacement(said + "\"" + kind + "\""));
        }
        statement.appendTail(result);
        return result.toString();
    }

    /**
     * The one name whose label is {@code written}, else the one whose label starts with it, else the one whose label
     * contains it; {@code written} itself when there is none or more than one at the first step that finds any.
     */
    private static String name(String written, List<String> names, Function<String, String> label) {
        String text = written.strip();
        if (names.contains(text)) {
            return text;
        }
        String compact = plain(text);
        for (java.util.function.BiPredicate<String, String> fits : List.<java.util.function.BiPredicate<String, String>>of(
                String::equals, String::startsWith, String::contains)) {
            List<String> found = names.stream().filter(n -> fits.test(plain(label.apply(n)), compact)).toList();
            if (found.size() == 1) {
                return found.get(0);
            }
            if (found.size() > 1) {
                return text; // more than one: the writer must say which
            }
        }
        return text;
    }

    /** A printed label without its numbering and punctuation: 「一、本年新收政府信息公开申请数量」 → 「本年新收政府信息公开申请数量」. */
    private static String plain(String label) {
        return label == null ? "" : label.replaceAll("^(?:[（(]?[一二三四五六七八九十\\d]+[)）、.]\\s*)+", "")
                .replaceAll("[\\s（）()、.]", "");
    }
}
