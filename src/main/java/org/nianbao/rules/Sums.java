package org.nianbao.rules;

/** Arithmetic the rules use on table numbers. */
public final class Sums {

    private Sums() {
    }

    /** The two numbers differ (beyond rounding). */
    public static boolean differ(Number a, Number b) {
        return Math.abs(a.doubleValue() - b.doubleValue()) > 1e-6;
    }

    public static boolean fractional(Number value) {
        return differ(value, Math.rint(value.doubleValue()));
    }
}
