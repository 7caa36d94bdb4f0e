package org.nianbao.rules;

/**
 * Prepares Chinese rule-language files (.dsl, .dslr) for the Drools DSL lexer, which fails on full-width
 * punctuation: outside quoted text, 「，：；（）」 become ASCII and the quotes 「“”」 become {@code "}. Text inside
 * quotes (messages, suggestions) is kept exactly as written.
 */
final class DslText {

    private DslText() {
    }

    static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '“' || c == '”') {
                quoted = c == '“' || c != '”' && !quoted;
                out.append('"');
            } else if (quoted) {
                out.append(c);
            } else {
                out.append(switch (c) {
                    case '，', '、' -> ',';
                    case '：' -> ':';
                    case '；' -> ';';
                    case '（' -> '(';
                    case '）' -> ')';
                    case '\u3000' -> ' ';
                    default -> c;
                });
            }
        }
        return out.toString();
    }
}
