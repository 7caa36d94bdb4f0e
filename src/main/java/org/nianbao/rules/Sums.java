package org.nianbao.rules;

/** Arithmetic the rules use on table numbers. */
public final class Sums {

    private Sums() {
    }

    /**
     * The two numbers differ (beyond rounding). A number that is not there (a blank cell, a sum with a blank in it)
     * differs from nothing: a blank is reported as missing, never as an imbalance.
     */
    public static boolean differ(Number a, Number b) {
        return a != null && b != null && Math.abs(a.doubleValue() - b.doubleValue()) > 1e-6;
    }

    public static boolean fractional(Number value) {
        return differ(value, Math.rint(value.doubleValue()));
    }

    private static final java.util.regex.Pattern NOTICES_AFTER = java.util.regex.Pattern.compile(
            "(?:收费|缴费|收取)的?通知(?:书|单)?[^0-9。;；,，]{0,4}?(\\d+)(?:件|份|次|个)");
    private static final java.util.regex.Pattern NOTICES_BEFORE = java.util.regex.Pattern.compile(
            "(\\d+)(?:件|份|次|个)[^0-9。;；,，]{0,4}?(?:收费|缴费|收取)的?通知");
    private static final java.util.regex.Pattern NO_NOTICE = java.util.regex.Pattern.compile(
            "(?:未|没有|无)(?:向[^。;；,，]{0,8})?(?:发出|出具|送达|开具|发放)[^。;；,，]{0,8}?(?:收费|缴费|收取)的?通知");

    /**
     * How many 收费通知 a sentence says were sent: 「发出收费通知3件」「发出2份收费通知」「发出缴费通知书2份」 give the number, 「未发出收费通知」 0;
     * {@code null} when it gives no number.
     */
    public static Integer feeNotices(String text) {
        if (text == null) {
            return null;
        }
        String compact = text.replaceAll("\\s", "");
        java.util.regex.Matcher after = NOTICES_AFTER.matcher(compact);
        if (after.find()) {
            return Integer.valueOf(after.group(1));
        }
        java.util.regex.Matcher before = NOTICES_BEFORE.matcher(compact);
        if (before.find()) {
            return Integer.valueOf(before.group(1));
        }
        return NO_NOTICE.matcher(compact).find() ? 0 : null;
    }
}
