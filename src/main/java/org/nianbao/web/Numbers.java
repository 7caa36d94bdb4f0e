package org.nianbao.web;

import org.nianbao.rules.Labels;

/**
 * Numbers as people write them on the pages and in the PDF: 3 分, not 3.0; 53.49; a missing number as 「—」; and a
 * reason as a person reads it, without the English gloss and the library's words after it. Given to the templates
 * as {@code n}.
 */
public final class Numbers {

    static final Numbers INSTANCE = new Numbers();

    /** 3.0 → 「3」, 53.49 → 「53.49」, null → 「—」. */
    public String show(Number value) {
        return value == null ? "—" : Labels.show(Math.round(value.doubleValue() * 100) / 100.0);
    }

    /** 「文件已损坏 (corrupt file): Missing root object」 → 「文件已损坏」; a message without a gloss as it is. */
    public String words(String message) {
        if (message == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*[(（][A-Za-z][^()（）]*[)）].*$", java.util.regex.Pattern.DOTALL)
                .matcher(message);
        return m.find() && m.start() > 0 ? message.substring(0, m.start()) : message;
    }

    /** 3.0 → 「3 分」. */
    public String points(Number value) {
        return value == null ? "—" : show(value) + " 分";
    }
}
