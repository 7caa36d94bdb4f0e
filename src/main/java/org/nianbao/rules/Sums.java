package org.nianbao.rules;

/** Arithmetic the rules use on table numbers. */
public final class Sums {

    private Sums() {
    }

    /** The two numbers differ (beyond rounding). */
    public static boolean differ(double a, double b) {
        return Math.abs(a - b) > 1e-6;
    }

    public static boolean fractional(double value) {
        return differ(value, Math.rint(value));
    }
}
