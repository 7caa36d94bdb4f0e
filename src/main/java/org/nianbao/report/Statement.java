package org.nianbao.report;

/**
 * A statement the rules look for, found in the text (e.g. kind {@code information_fee} for 「未收取信息处理费」).
 * The kinds, their wording and what each wording says are defined in {@code rules/statements.yaml}.
 *
 * @param kind    the statement's id
 * @param section the section it stands in (0 before section 一)
 * @param reading what the wording says, when the kind tells it apart (information_fee: {@code not_charged},
 *                {@code charged}; fee_notice: {@code none_issued}, {@code issued}); {@code unsure} for words that
 *                may be the statement but do not say it plainly (a person checks it; nothing is deducted for it);
 *                {@code null} when the kind has one wording only
 */
public record Statement(String kind, int section, int line, String excerpt, String reading) {

    /** The reading of words that may be the statement but do not say it plainly. */
    public static final String UNSURE = "unsure";

    public Statement(String kind, int section, int line, String excerpt) {
        this(kind, section, line, excerpt, null);
    }

    /** The words say the statement plainly (they are not only words that may be it). */
    public boolean sure() {
        return !UNSURE.equals(reading);
    }
}
