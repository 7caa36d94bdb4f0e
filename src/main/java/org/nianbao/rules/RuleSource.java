package org.nianbao.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a rule is written: its file, the line of {@code rule "…"}, and the comment above it. */
record RuleSource(String file, int line, String description, Double points) {

    RuleSource(String file, int line, String description) {
        this(file, line, description, null);
    }

    /** A finding recorded with the rule's own deduction (「扣N分」 in the Chinese rule language): its last argument. */
    private static final Pattern OWN_POINTS = Pattern.compile(
            "findings\\.(?:cell|text|report)\\(drools,[^;]*,\\s*(\\d+(?:\\.\\d+)?)\\s*\\)\\s*;");
    /** A string literal of Java code, whose text may hold anything (a semicolon, a comma, a number). */
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");

    RuleSource withPoints(Double ownPoints) {
        return new RuleSource(file, line, description, ownPoints);
    }

    /** The deduction a rule's consequence asks for (the last argument of its finding), or null when it asks none. */
    static Double ownPoints(String consequence) {
        Matcher own = OWN_POINTS.matcher(STRING.matcher(consequence).replaceAll("\"\""));
        return own.find() ? Double.valueOf(own.group(1)) : null;
    }
    private static final Pattern END = Pattern.compile("^\\s*end\\s*$");

    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");
    private static final Pattern COMMENT = Pattern.compile("^\\s*//\\s?(.*)$");
    private static final Pattern BLOCK_COMMENT = Pattern.compile("^\\s*/\\*\\s*(.*?)\\s*\\*/\\s*$");
    /** The comment a decision table's generated rule carries: the sheet cell of its row. */
    private static final Pattern TABLE_ROW = Pattern.compile("^\\s*// rule values at [A-Z]+(\\d+)");

    /** Every {@code rule "ID"} of a rule file, with the comment lines right above it. */
    static Map<String, RuleSource> scan(String file, String text) {
        Map<String, RuleSource> found = new HashMap<>();
        String[] lines = text.split("\\R", -1);
        String comment = "";
        int tableRow = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher c = COMMENT.matcher(lines[i]);
            Matcher r = RULE.matcher(lines[i]);
            Matcher row = TABLE_ROW.matcher(lines[i]);
            if (row.find()) {
                tableRow = Integer.parseInt(row.group(1));
            } else if (c.matches()) {
                // a comment over several lines is one description; a blank line ends it
                comment = i > 0 && COMMENT.matcher(lines[i - 1]).matches() && !comment.isEmpty()
                        ? comment + c.group(1).strip() : c.group(1).strip();
            } else if (r.find()) {
                // a decision table writes its row's description as /* … */ right after the rule line
                Matcher block = i + 1 < lines.length ? BLOCK_COMMENT.matcher(lines[i + 1]) : null;
                if (block != null && block.matches()) {
                    comment = block.group(1).strip();
                }
                StringBuilder body = new StringBuilder();
                for (int j = i + 1; j < lines.length && !END.matcher(lines[j]).matches(); j++) {
                    body.append(lines[j]).append('\n');
                }
                Double points = ownPoints(body.toString());
                found.put(r.group(1), new RuleSource(file, tableRow > 0 ? tableRow : i + 1, comment, points));
                comment = "";
                tableRow = 0;
            } else {
                comment = "";
            }
        }
        return found;
    }
}
