package org.nianbao.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be: at least 12 characters and at most 72 bytes in UTF-8 (all BCrypt reads of it), not the
 * account's name nor a part of it, not one of the 30,000 most common passwords (also with digits and signs added
 * before or after, or repeated), not a single character repeated or a run such as 123456789012, and with at least
 * five different characters. A password that fails is refused with a message that says which rule, in Chinese.
 */
public final class PasswordPolicy {

    public static final int MIN_CHARACTERS = 12;
    /** BCrypt uses the first 72 bytes; a longer password would be checked only in part. */
    public static final int MAX_BYTES = 72;
    private static final int MIN_DIFFERENT = 5;
    private static final Set<String> COMMON = load("/accounts/common-passwords.txt");

    private PasswordPolicy() {
    }

    /** Throws {@link InvalidAccount} naming the first rule the password breaks. */
    public static void check(String password, String username) {
        if (password == null || password.isBlank()) {
            throw new InvalidAccount("请设置密码 (no password)");
        }
        if (password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
            throw new InvalidAccount("密码至少 " + MIN_CHARACTERS + " 个字符 (password too short: at least " + MIN_CHARACTERS + ")");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidAccount("密码最长 " + MAX_BYTES + " 字节（约 " + MAX_BYTES + " 个英文字符或 24 个汉字）(password longer than "
                    + MAX_BYTES + " bytes)");
        }
        String lower = AccountNames.normalised(password).toLowerCase(Locale.ROOT);
        String core = core(lower);
        if (username != null) {
            String name = AccountNames.normalised(username).toLowerCase(Locale.ROOT);
            if (name.contains(lower) || core.equals(name)) {
                throw new InvalidAccount("密码不能是账号名或其一部分 (password is the account name)");
            }
        }
        if (lower.codePoints().distinct().count() < MIN_DIFFERENT) {
            throw new InvalidAccount("密码至少要有 " + MIN_DIFFERENT + " 个不同的字符 (too few different characters)");
        }
        if (isRun(lower)) {
            throw new InvalidAccount("密码不能是连续的字母或数字，如 123456789012 (password is a simple sequence)");
        }
        if (COMMON.contains(lower) || (core.length() >= 4 && COMMON.contains(core)) || COMMON.contains(repeatedUnit(lower))) {
            throw new InvalidAccount("这是最常见的密码之一，很容易被猜中，请换一个 (password is too common)");
        }
    }

    /** The password without the digits, signs and spaces before and after its letters: «Dragon2024!» → «dragon». */
    static String core(String lower) {
        int start = 0;
        int end = lower.length();
        while (start < end && !Character.isLetter(lower.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(lower.charAt(end - 1))) {
            end--;
        }
        return lower.substring(start, end);
    }

    /** The shortest text the password repeats («qwertyqwerty» → «qwerty»), or the password itself. */
    static String repeatedUnit(String text) {
        int n = text.length();
        for (int unit = 1; unit <= n / 2; unit++) {
            if (n % unit == 0 && text.substring(unit).equals(text.substring(0, n - unit))) {
                return text.substring(0, unit);
            }
        }
        return text;
    }

    /** Each character one more (or one less) than the one before: abcdefghijkl, 123456789012, 987654321098. */
    static boolean isRun(String text) {
        int step = 0;
        for (int i = 1; i < text.length(); i++) {
            int d = text.charAt(i) - text.charAt(i - 1);
            if (Character.isDigit(text.charAt(i)) && Character.isDigit(text.charAt(i - 1)) && Math.abs(d) == 9) {
                d = -Integer.signum(d); // 9 → 0 goes on upwards, 0 → 9 downwards
            }
            if (Math.abs(d) != 1 || (step != 0 && d != step)) {
                return false;
            }
            step = d;
        }
        return true;
    }

    private static Set<String> load(String resource) {
        Set<String> words = new HashSet<>(40_000);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = lines.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
