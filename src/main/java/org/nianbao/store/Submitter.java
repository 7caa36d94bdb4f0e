package org.nianbao.store;

import java.security.SecureRandom;

/**
 * Who handed a report in: a signed-in account, whose assessments committees list, rank and export; or nobody, and
 * then the assessment is private, reached only through its own unguessable link.
 */
public record Submitter(String account, String privateLink) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public Submitter {
        if ((account == null) == (privateLink == null)) {
            throw new IllegalArgumentException("an account or a private link, not both");
        }
    }

    /** A report handed in by a signed-in account. */
    public static Submitter account(String name) {
        return new Submitter(name, null);
    }

    /** An anonymous self-check: private, with a fresh link of 32 random letters and digits (about 190 bits). */
    public static Submitter anonymous() {
        StringBuilder link = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            link.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new Submitter(null, link.toString());
    }

    /** Who, from the signed-in account's name (null when nobody signed in). */
    public static Submitter of(String signedIn) {
        return signedIn == null ? anonymous() : account(signedIn);
    }

    public boolean isPrivate() {
        return privateLink != null;
    }
}
