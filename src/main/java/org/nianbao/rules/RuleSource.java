package org.nianbao.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a rule is written: its file, the line of {@code rule "…"}, and the comment above it. */
record RuleSource(String file, int line, String description) {

    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");
    private static final Pattern COMMENT = Pattern.compile("^\\s*//\\s?(.*)$");

    /** Every {@code rule "ID"} of a rule file, with the last comment line before it. */
    static Map<String, RuleSource> scan(String file, String text) {
        Map<String, RuleSource> found = new HashMap<>();
        String[] lines = text.split("\\R", -1);
        String comment = "";
        for (int i = 0; i < lines.length; i++) {
            Matcher c = COMMENT.matcher(lines[i]);
            Matcher r = RULE.matcher(lines[i]);
            if (c.matches()) {
                comment = c.group(1).strip();
            } else if (r.find()) {
                found.put(r.group(1), new RuleSource(file, i + 1, comment));
                comment = "";
            } else if (!lines[i].isBlank()) {
                comment = "";
            }
        }
        return found;
    }
}
