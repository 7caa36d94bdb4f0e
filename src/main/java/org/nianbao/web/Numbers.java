package org.nianbao.web;

import org.nianbao.rules.Labels;

/**
 * Numbers as people write them on the pages and in the PDF: 3 分, not 3.0; 53.49; a missing number as 「—」. Given to
 * the templates as {@code n}.
 */
public final class Numbers {

    static final Numbers INSTANCE = new Numbers();

    /** 3.0 → 「3」, 53.49 → 「53.49」, null → 「—」. */
    public String show(Number value) {
        return value == null ? "—" : Labels.show(Math.round(value.doubleValue() * 100) / 100.0);
    }

    /** 3.0 → 「3 分」. */
    public String points(Number value) {
        return value == null ? "—" : show(value) + " 分";
    }
}
